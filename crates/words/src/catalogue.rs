//! The catalogue: every string the panel (and the sandbox's frames) show, each written once,
//! in English beside its Japanese. Plain strings are `&'static str`; those with values in
//! them are functions, so word order can differ between languages. [`EN`] and [`JA`] are
//! `const`s of one struct, so a word missing from either language does not compile.

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident : $ty:ty { en: $en:expr, ja: $ja:expr $(,)? } )*) => {
        /// Every string we show people, in one language.
        pub struct Texts {
            $( $(#[$doc])* pub $name: $ty, )*
        }

        pub const EN: Texts = Texts { $( $name: $en, )* };
        pub const JA: Texts = Texts { $( $name: $ja, )* };
    };
}

catalogue! {
    brand: &'static str {
        en: "Issuing admin",
        ja: "カード発行管理",
    }
    nav_sections: &'static str {
        en: "Sections",
        ja: "セクション",
    }
    nav_accounts: &'static str {
        en: "Accounts",
        ja: "アカウント",
    }
    nav_events: &'static str {
        en: "Events",
        ja: "イベント",
    }
    sign_out: &'static str {
        en: "Sign out",
        ja: "サインアウト",
    }
    language: &'static str {
        en: "Language",
        ja: "言語",
    }
    page_not_found: &'static str {
        en: "Page not found.",
        ja: "ページが見つかりません。",
    }
    waiting_for_host: &'static str {
        en: "Waiting for the host page to sign you in…",
        ja: "ホストページのサインインを待っています…",
    }
    retry: &'static str {
        en: "Retry",
        ja: "再試行",
    }
    server_unreachable: &'static str {
        en: "The platform server could not be reached. Check your connection and try again.",
        ja: "プラットフォームサーバーに接続できませんでした。接続を確認して、もう一度お試しください。",
    }
    server_unexpected: fn(&str) -> String {
        en: |e| format!("The platform server sent an unexpected answer ({e})."),
        ja: |e| format!("プラットフォームサーバーから予期しない応答がありました（{e}）。"),
    }
    sign_in_title: &'static str {
        en: "Sign in",
        ja: "サインイン",
    }
    sign_in_sandbox: &'static str {
        en: "Sandbox mode: choose an operator to act as.",
        ja: "サンドボックスモード：操作するオペレーターを選んでください。",
    }
    loading_operators: &'static str {
        en: "Loading operators…",
        ja: "オペレーターを読み込み中…",
    }
    operators_failed: &'static str {
        en: "The operators could not be loaded.",
        ja: "オペレーターを読み込めませんでした。",
    }
    role_can_edit: &'static str {
        en: "can edit",
        ja: "編集可",
    }
    role_read_only: &'static str {
        en: "read-only",
        ja: "閲覧のみ",
    }
    accounts_title: &'static str {
        en: "Connected accounts",
        ja: "連結アカウント",
    }
    loading_accounts: &'static str {
        en: "Loading connected accounts…",
        ja: "連結アカウントを読み込み中…",
    }
    accounts_failed: &'static str {
        en: "The connected accounts could not be loaded.",
        ja: "連結アカウントを読み込めませんでした。",
    }
    connected_account: &'static str {
        en: "Connected account",
        ja: "連結アカウント",
    }
    cards_title: &'static str {
        en: "Cards",
        ja: "カード",
    }
    back_to_accounts: &'static str {
        en: "← Connected accounts",
        ja: "← 連結アカウント",
    }
    tokens_link: &'static str {
        en: "Shared payment tokens →",
        ja: "共有支払いトークン →",
    }
    loading_cards: &'static str {
        en: "Loading cards…",
        ja: "カードを読み込み中…",
    }
    cards_failed: &'static str {
        en: "The cards could not be loaded.",
        ja: "カードを読み込めませんでした。",
    }
    no_cards_match: &'static str {
        en: "No cards match these filters.",
        ja: "この条件に合うカードはありません。",
    }
    pages: &'static str {
        en: "Pages",
        ja: "ページ",
    }
    previous: &'static str {
        en: "← Previous",
        ja: "← 前へ",
    }
    next: &'static str {
        en: "Next →",
        ja: "次へ →",
    }
    stripe_view: &'static str {
        en: "Stripe view",
        ja: "Stripe の表示",
    }
    panel_view: &'static str {
        en: "Panel view",
        ja: "パネルの表示",
    }
    filter_cards: &'static str {
        en: "Filter cards",
        ja: "カードの絞り込み",
    }
    status: &'static str {
        en: "Status",
        ja: "状態",
    }
    any_status: &'static str {
        en: "Any status",
        ja: "すべての状態",
    }
    status_active: &'static str {
        en: "Active",
        ja: "有効",
    }
    status_frozen: &'static str {
        en: "Frozen",
        ja: "凍結中",
    }
    status_canceled: &'static str {
        en: "Canceled",
        ja: "解約済み",
    }
    card_type: &'static str {
        en: "Type",
        ja: "種類",
    }
    any_type: &'static str {
        en: "Any type",
        ja: "すべての種類",
    }
    virtual_card: &'static str {
        en: "Virtual",
        ja: "バーチャル",
    }
    physical_card: &'static str {
        en: "Physical",
        ja: "物理カード",
    }
    cardholder_id: &'static str {
        en: "Cardholder id",
        ja: "カード保有者 ID",
    }
    last4: &'static str {
        en: "Last 4 digits",
        ja: "下4桁",
    }
    created_from: &'static str {
        en: "Created from",
        ja: "作成日（から）",
    }
    created_to: &'static str {
        en: "Created to",
        ja: "作成日（まで）",
    }
    per_page: &'static str {
        en: "Per page",
        ja: "表示件数",
    }
    apply: &'static str {
        en: "Apply",
        ja: "適用",
    }
    cardholder: &'static str {
        en: "Cardholder",
        ja: "カード保有者",
    }
    card: &'static str {
        en: "Card",
        ja: "カード",
    }
    card_brand: &'static str {
        en: "Brand",
        ja: "ブランド",
    }
    expires: &'static str {
        en: "Expires",
        ja: "有効期限",
    }
    created: &'static str {
        en: "Created",
        ja: "作成日",
    }
    spending_limits: &'static str {
        en: "Spending limits",
        ja: "利用上限",
    }
    back_to_cards: &'static str {
        en: "← Cards",
        ja: "← カード",
    }
    loading_card: &'static str {
        en: "Loading the card…",
        ja: "カードを読み込み中…",
    }
    card_failed: &'static str {
        en: "The card could not be loaded.",
        ja: "カードを読み込めませんでした。",
    }
    stripe_card_title: &'static str {
        en: "Card details in Stripe",
        ja: "Stripe のカード詳細",
    }
    stripe_card_hint: &'static str {
        en: "The number and CVC show only inside Stripe's frame; they never reach this panel or its server.",
        ja: "カード番号と CVC は Stripe のフレーム内にだけ表示され、このパネルやそのサーバーには届きません。",
    }
    cancellation_reason: &'static str {
        en: "Cancellation reason",
        ja: "解約の理由",
    }
    reason_lost: &'static str {
        en: "Lost",
        ja: "紛失",
    }
    reason_stolen: &'static str {
        en: "Stolen",
        ja: "盗難",
    }
    currency: &'static str {
        en: "Currency",
        ja: "通貨",
    }
    replaces: &'static str {
        en: "Replaces",
        ja: "置き換え元",
    }
    replaced_by: &'static str {
        en: "Replaced by",
        ja: "置き換え先",
    }
    wallets: &'static str {
        en: "Wallets",
        ja: "ウォレット",
    }
    wallets_value: fn(bool, bool) -> String {
        en: |apple, google| { let yes = |ok: bool| if ok { "eligible" } else { "not eligible" }; format!("Apple Pay {}, Google Pay {}", yes(apple), yes(google)) },
        ja: |apple, google| { let yes = |ok: bool| if ok { "利用可" } else { "利用不可" }; format!("Apple Pay {}、Google Pay {}", yes(apple), yes(google)) },
    }
    metadata: &'static str {
        en: "Metadata",
        ja: "メタデータ",
    }
    card_id: &'static str {
        en: "Card id",
        ja: "カード ID",
    }
    spending_controls: &'static str {
        en: "Spending controls",
        ja: "利用制限",
    }
    allowed_categories: &'static str {
        en: "Allowed categories",
        ja: "許可するカテゴリ",
    }
    blocked_categories: &'static str {
        en: "Blocked categories",
        ja: "ブロックするカテゴリ",
    }
    allowed_countries: &'static str {
        en: "Allowed merchant countries",
        ja: "許可する加盟店の国",
    }
    blocked_countries: &'static str {
        en: "Blocked merchant countries",
        ja: "ブロックする加盟店の国",
    }
    allowed_presence: &'static str {
        en: "Allowed card presence",
        ja: "許可するカード提示方法",
    }
    blocked_presence: &'static str {
        en: "Blocked card presence",
        ja: "ブロックするカード提示方法",
    }
    presence_present: &'static str {
        en: "card present",
        ja: "対面（カード提示あり）",
    }
    presence_not_present: &'static str {
        en: "card not present (online, phone)",
        ja: "非対面（オンライン、電話）",
    }
    no_spending_limits: &'static str {
        en: "No spending limits.",
        ja: "利用上限はありません。",
    }
    only_in: fn(&str) -> String {
        en: |what| format!(" — only {what}"),
        ja: |what| format!("（{what}のみ）"),
    }
    status_actions: &'static str {
        en: "Card status actions",
        ja: "カードの状態の操作",
    }
    canceled_note: &'static str {
        en: "This card is canceled. It cannot be changed any more, only replaced.",
        ja: "このカードは解約済みです。これ以上変更できません（再発行はできます）。",
    }
    freeze: &'static str {
        en: "Freeze card",
        ja: "カードを凍結",
    }
    unfreeze: &'static str {
        en: "Unfreeze card",
        ja: "凍結を解除",
    }
    cancel_card_open: &'static str {
        en: "Cancel card…",
        ja: "カードを解約…",
    }
    cancel_title: &'static str {
        en: "Cancel this card?",
        ja: "このカードを解約しますか？",
    }
    cancel_warning: &'static str {
        en: "Canceling cannot be undone: the card stops working for good.",
        ja: "解約は取り消せません。カードは二度と使えなくなります。",
    }
    reason: &'static str {
        en: "Reason",
        ja: "理由",
    }
    keep_card: &'static str {
        en: "Keep card",
        ja: "解約しない",
    }
    cancel_card: &'static str {
        en: "Cancel card",
        ja: "解約する",
    }
    done_frozen: &'static str {
        en: "The card is frozen: it declines every payment until unfrozen.",
        ja: "カードを凍結しました。凍結を解除するまで、すべての支払いが拒否されます。",
    }
    done_active: &'static str {
        en: "The card is active again.",
        ja: "カードは再び有効になりました。",
    }
    done_canceled: &'static str {
        en: "The card is canceled.",
        ja: "カードを解約しました。",
    }
    editor_label: &'static str {
        en: "Spending controls editor",
        ja: "利用制限の編集",
    }
    controls_saved: &'static str {
        en: "Spending controls saved. The card above is as Stripe returned it.",
        ja: "利用制限を保存しました。上のカードは Stripe から返された内容です。",
    }
    edit_controls: &'static str {
        en: "Edit spending controls",
        ja: "利用制限を編集",
    }
    leave_unsaved: &'static str {
        en: "You have unsaved changes to the spending controls. Leave this page and lose them?",
        ja: "利用制限に保存していない変更があります。このページを離れて変更を破棄しますか？",
    }
    not_saved: fn(&str) -> String {
        en: |e| format!("The changes were not saved: {e} Your edits are kept below."),
        ja: |e| format!("変更は保存されませんでした：{e} 編集内容は下に残っています。"),
    }
    add_limit: &'static str {
        en: "Add a limit",
        ja: "上限を追加",
    }
    merchant_categories: &'static str {
        en: "Merchant categories",
        ja: "加盟店カテゴリ",
    }
    merchant_countries: &'static str {
        en: "Merchant countries",
        ja: "加盟店の国",
    }
    hint_categories: &'static str {
        en: "Allow only some categories, or block some: not both.",
        ja: "一部のカテゴリだけを許可するか、一部をブロックします（両方は不可）。",
    }
    hint_countries: &'static str {
        en: "Allow only some countries, or block some: not both.",
        ja: "一部の国だけを許可するか、一部をブロックします（両方は不可）。",
    }
    saving: &'static str {
        en: "Saving…",
        ja: "保存中…",
    }
    save_changes: &'static str {
        en: "Save changes",
        ja: "変更を保存",
    }
    discard_changes: &'static str {
        en: "Discard changes",
        ja: "変更を破棄",
    }
    no_limits_hint: &'static str {
        en: "No limits: the card spends up to Stripe's default limits.",
        ja: "上限なし：Stripe の既定の上限まで利用できます。",
    }
    amount: &'static str {
        en: "Amount",
        ja: "金額",
    }
    interval: &'static str {
        en: "Interval",
        ja: "期間",
    }
    per_authorization: &'static str {
        en: "Per transaction",
        ja: "1回あたり",
    }
    per_day: &'static str {
        en: "Per day",
        ja: "1日あたり",
    }
    per_week: &'static str {
        en: "Per week",
        ja: "1週間あたり",
    }
    per_month: &'static str {
        en: "Per month",
        ja: "1か月あたり",
    }
    per_year: &'static str {
        en: "Per year",
        ja: "1年あたり",
    }
    in_total: &'static str {
        en: "In total",
        ja: "累計",
    }
    only_these_categories: &'static str {
        en: "Only in these categories (optional)",
        ja: "対象のカテゴリ（任意）",
    }
    remove: &'static str {
        en: "Remove",
        ja: "削除",
    }
    remove_limit: fn(usize) -> String {
        en: |n| format!("Remove limit {n}"),
        ja: |n| format!("上限 {n} を削除"),
    }
    limit_n: fn(usize) -> String {
        en: |n| format!("Limit {n}"),
        ja: |n| format!("上限 {n}"),
    }
    fields_to_fix: fn(usize) -> String {
        en: |n| if n == 1 { "1 field needs fixing before saving.".to_owned() } else { format!("{n} fields need fixing before saving.") },
        ja: |n| format!("保存する前に {n} 件の項目を直してください。"),
    }
    no_changes_yet: &'static str {
        en: "No changes yet.",
        ja: "まだ変更はありません。",
    }
    review_caption: &'static str {
        en: "What saving will change",
        ja: "保存すると変わる内容",
    }
    review_control: &'static str {
        en: "Control",
        ja: "項目",
    }
    review_now: &'static str {
        en: "Now",
        ja: "現在",
    }
    review_after: &'static str {
        en: "After saving",
        ja: "保存後",
    }
    chosen: fn(&str) -> String {
        en: |label| format!("{label}: chosen"),
        ja: |label| format!("{label}：選択済み"),
    }
    remove_item: fn(&str) -> String {
        en: |item| format!("Remove {item}"),
        ja: |item| format!("{item}を削除"),
    }
    search_to_add: &'static str {
        en: "Search to add…",
        ja: "検索して追加…",
    }
    no_match: &'static str {
        en: "No match.",
        ja: "一致するものはありません。",
    }
    tokens_title: &'static str {
        en: "Shared payment tokens",
        ja: "共有支払いトークン",
    }
    loading_tokens: &'static str {
        en: "Loading tokens…",
        ja: "トークンを読み込み中…",
    }
    tokens_failed: &'static str {
        en: "The tokens could not be loaded.",
        ja: "トークンを読み込めませんでした。",
    }
    no_tokens: &'static str {
        en: "No tokens yet. When an AI agent grants this business a Shared Payment Token, it is listed here.",
        ja: "トークンはまだありません。AI エージェントがこのビジネスに共有支払いトークンを付与すると、ここに表示されます。",
    }
    tokens_read_only: &'static str {
        en: "Your role is read-only: you can see tokens but not charge them.",
        ja: "あなたの権限は閲覧のみです。トークンを見ることはできますが、請求はできません。",
    }
    charges_made_here: &'static str {
        en: "Charges made here",
        ja: "ここで行った請求",
    }
    token_active: &'static str {
        en: "Active",
        ja: "有効",
    }
    token_partly_used: &'static str {
        en: "Partly used",
        ja: "一部使用済み",
    }
    token_used_up: &'static str {
        en: "Used up",
        ja: "使い切り",
    }
    token_revoked: &'static str {
        en: "Revoked by the agent",
        ja: "エージェントが取り消し",
    }
    token_expired: &'static str {
        en: "Expired",
        ja: "期限切れ",
    }
    token_resolved: &'static str {
        en: "Resolved",
        ja: "解決済み",
    }
    token_deactivated: &'static str {
        en: "Deactivated",
        ja: "無効",
    }
    col_token: &'static str {
        en: "Token",
        ja: "トークン",
    }
    payment_method: &'static str {
        en: "Payment method",
        ja: "支払い方法",
    }
    col_limit: &'static str {
        en: "Limit",
        ja: "上限",
    }
    col_charged: &'static str {
        en: "Charged",
        ja: "請求済み",
    }
    col_left: &'static str {
        en: "Left",
        ja: "残り",
    }
    col_actions: &'static str {
        en: "Actions",
        ja: "操作",
    }
    charge_open: &'static str {
        en: "Charge…",
        ja: "請求…",
    }
    grant_title: &'static str {
        en: "Grant a test token",
        ja: "テスト用トークンを付与",
    }
    grant_hint: &'static str {
        en: "Test mode only: does what an AI agent does when it grants this business a token.",
        ja: "テストモード専用：AI エージェントがこのビジネスにトークンを付与するときと同じことを行います。",
    }
    max_amount: fn(&str) -> String {
        en: |code| format!("Maximum amount ({code})"),
        ja: |code| format!("上限金額（{code}）"),
    }
    expiry_never: &'static str {
        en: "Never",
        ja: "なし",
    }
    expiry_minute: &'static str {
        en: "In 1 minute",
        ja: "1分後",
    }
    expiry_10_minutes: &'static str {
        en: "In 10 minutes",
        ja: "10分後",
    }
    expiry_hour: &'static str {
        en: "In 1 hour",
        ja: "1時間後",
    }
    expiry_day: &'static str {
        en: "In 1 day",
        ja: "1日後",
    }
    granting: &'static str {
        en: "Granting…",
        ja: "付与中…",
    }
    grant_token: &'static str {
        en: "Grant token",
        ja: "トークンを付与",
    }
    find_by_id: &'static str {
        en: "Find a token by id",
        ja: "ID でトークンを探す",
    }
    token_id_prefix: &'static str {
        en: "A token id starts with spt_.",
        ja: "トークン ID は spt_ で始まります。",
    }
    find: &'static str {
        en: "Find",
        ja: "探す",
    }
    charge_title: &'static str {
        en: "Charge ",
        ja: "請求：",
    }
    left_on_token: fn(&str) -> String {
        en: |left| format!("{left} left on this token."),
        ja: |left| format!("このトークンの残り：{left}"),
    }
    no_token_limit: &'static str {
        en: "The agent set no limit on this token: any amount, in any currency.",
        ja: "エージェントはこのトークンに上限を設けていません。金額・通貨は自由です。",
    }
    amount_in: fn(&str) -> String {
        en: |code| format!("Amount ({code})"),
        ja: |code| format!("金額（{code}）"),
    }
    charging: &'static str {
        en: "Charging…",
        ja: "請求中…",
    }
    charge: &'static str {
        en: "Charge",
        ja: "請求する",
    }
    charged: fn(&str, &str, &str) -> String {
        en: |amount, id, status| format!("Charged {amount} — {id} {status}"),
        ja: |amount, id, status| format!("{amount} を請求しました — {id} {status}"),
    }
    refused: fn(&str) -> String {
        en: |why| format!("Refused: {why}"),
        ja: |why| format!("拒否されました：{why}"),
    }
    events_title: &'static str {
        en: "Webhook events",
        ja: "Webhook イベント",
    }
    events_hint: &'static str {
        en: "What Stripe has told this platform, newest first. Signed deliveries only; repeats are shown once.",
        ja: "Stripe からこのプラットフォームへの通知です（新しい順）。署名付きの配信のみで、重複は1回だけ表示します。",
    }
    feed_title: &'static str {
        en: "Events",
        ja: "イベント",
    }
    feed_connecting: &'static str {
        en: "Connecting…",
        ja: "接続中…",
    }
    feed_live: &'static str {
        en: "Live",
        ja: "ライブ",
    }
    feed_reconnecting: &'static str {
        en: "Reconnecting…",
        ja: "再接続中…",
    }
    no_events: &'static str {
        en: "No events yet. They appear here as Stripe sends them, without a reload.",
        ja: "イベントはまだありません。Stripe から届くと、再読み込みなしでここに表示されます。",
    }
    event_used: fn(&str, &str) -> String {
        en: |captured, max| format!("Charged; {captured} captured of {max}"),
        ja: |captured, max| format!("請求：{max} のうち {captured} を売上確定"),
    }
    event_used_no_limit: fn(&str) -> String {
        en: |captured| format!("Charged; {captured} captured (no limit)"),
        ja: |captured| format!("請求：{captured} を売上確定（上限なし）"),
    }
    event_deactivated: fn(&str) -> String {
        en: |why| format!("Deactivated: {why}"),
        ja: |why| format!("無効化：{why}"),
    }
    event_succeeded: fn(&str) -> String {
        en: |amount| format!("Payment of {amount} succeeded"),
        ja: |amount| format!("{amount} の支払いが成功しました"),
    }
    unknown_reason: &'static str {
        en: "unknown reason",
        ja: "理由不明",
    }
    stripe_failed: &'static str {
        en: "The Stripe component failed to load.",
        ja: "Stripe のコンポーネントを読み込めませんでした。",
    }
    loading_stripe_card: &'static str {
        en: "Loading the card from Stripe…",
        ja: "Stripe からカードを読み込み中…",
    }
    loading_stripe_cards: &'static str {
        en: "Loading the cards from Stripe…",
        ja: "Stripe からカードの一覧を読み込み中…",
    }
    connect_error_connection: &'static str {
        en: "Stripe could not be reached. Check the connection, then reload the page.",
        ja: "Stripe に接続できませんでした。接続を確かめてから、ページを再読み込みしてください。",
    }
    connect_error_authentication: &'static str {
        en: "Stripe did not accept this session. Reload the page; if it happens again, sign in again.",
        ja: "Stripe がこのセッションを受け付けませんでした。ページを再読み込みし、再び起きる場合はサインインし直してください。",
    }
    connect_error_session: &'static str {
        en: "The platform server could not start a Stripe session for this account. Try again in a moment; if it keeps failing, the account's Connect settings need checking.",
        ja: "プラットフォームサーバーがこのアカウントの Stripe セッションを開始できませんでした。少し待ってからもう一度お試しください。続く場合は、アカウントの Connect 設定を確認してください。",
    }
    connect_error_invalid_request: &'static str {
        en: "Stripe refused the component's request: the platform's Connect setup may need a change.",
        ja: "Stripe がコンポーネントのリクエストを拒否しました。プラットフォームの Connect 設定の変更が必要かもしれません。",
    }
    connect_error_rate_limit: &'static str {
        en: "Too many requests to Stripe at once. Wait a moment, then reload the page.",
        ja: "Stripe へのリクエストが一度に多すぎます。少し待ってから、ページを再読み込みしてください。",
    }
    connect_error_render: &'static str {
        en: "Stripe's component could not be shown in this page. Reload the page; if it persists, tell the platform team.",
        ja: "Stripe のコンポーネントをこのページに表示できませんでした。ページを再読み込みし、続く場合はプラットフォームの担当者に連絡してください。",
    }
    connect_error_api: &'static str {
        en: "Stripe had a problem on its side showing the component. Try again in a moment.",
        ja: "Stripe 側の問題でコンポーネントを表示できませんでした。少し待ってからもう一度お試しください。",
    }
    connect_stripe_said: fn(&str) -> String {
        en: |said| format!("(Stripe: {said})"),
        ja: |said| format!("（Stripe：{said}）"),
    }
    connect_blocked: fn(&str) -> String {
        en: |url| format!("Stripe's card components could not be loaded from {url}. A content security policy or the network may block it."),
        ja: |url| format!("Stripe のカードコンポーネントを {url} から読み込めませんでした。コンテンツセキュリティポリシーかネットワークが妨げている可能性があります。"),
    }
    connect_not_connect: fn(&str) -> String {
        en: |url| format!("The script at {url} loaded but did not define StripeConnect.init."),
        ja: |url| format!("{url} のスクリプトは読み込まれましたが、StripeConnect.init を定義していません。"),
    }
    connect_init: fn(&str) -> String {
        en: |e| format!("Stripe's card components could not start: {e}"),
        ja: |e| format!("Stripe のカードコンポーネントを開始できませんでした：{e}"),
    }
    no_accounts: &'static str {
        en: "This platform has no connected accounts yet.",
        ja: "このプラットフォームには、まだ連結アカウントがありません。",
    }
    issuing_active: &'static str {
        en: "Active",
        ja: "有効",
    }
    issuing_not_enabled: &'static str {
        en: "Not enabled",
        ja: "未有効化",
    }
    col_business: &'static str {
        en: "Business",
        ja: "ビジネス",
    }
    col_account: &'static str {
        en: "Account",
        ja: "アカウント",
    }
    col_country: &'static str {
        en: "Country",
        ja: "国",
    }
    col_issuing: &'static str {
        en: "Issuing",
        ja: "カード発行",
    }
    payment_status: fn(&str) -> String {
        en: |s| match s { "succeeded" => "succeeded", "processing" => "processing", "requires_action" => "waiting for the customer", "requires_payment_method" => "needs another payment method", "requires_confirmation" => "not confirmed", "requires_capture" => "authorized, not captured yet", "canceled" => "canceled", other => other }.to_owned(),
        ja: |s| match s { "succeeded" => "成功", "processing" => "処理中", "requires_action" => "顧客の操作待ち", "requires_payment_method" => "別の支払い方法が必要", "requires_confirmation" => "未確定", "requires_capture" => "オーソリ済み・売上未確定", "canceled" => "キャンセル済み", other => other }.to_owned(),
    }
    charge_confirm_title: &'static str {
        en: "Charge the customer?",
        ja: "顧客に請求しますか？",
    }
    charge_confirm: fn(&str, &str, &str) -> String {
        en: |amount, words, token| format!("{amount} ({words}) will be taken from the customer's payment method through token {token}. This cannot be undone here."),
        ja: |amount, words, token| format!("トークン {token} を通じて、顧客の支払い方法から {amount}（{words}）を請求します。ここでは取り消せません。"),
    }
    charge_confirm_yes: fn(&str) -> String {
        en: |amount| format!("Charge {amount}"),
        ja: |amount| format!("{amount} を請求する"),
    }
    go_back: &'static str {
        en: "Go back",
        ja: "戻る",
    }
    err_signed_out: &'static str {
        en: "You are signed out: sign in again.",
        ja: "サインアウトしています。もう一度サインインしてください。",
    }
    err_no_access: &'static str {
        en: "You do not have access to this account.",
        ja: "このアカウントへのアクセス権がありません。",
    }
    err_read_only: &'static str {
        en: "Your role is read-only: you can look, but not change anything.",
        ja: "あなたの権限は閲覧のみです。見ることはできますが、変更はできません。",
    }
    err_rate_limited: &'static str {
        en: "Too many requests at once: wait a moment and try again.",
        ja: "リクエストが多すぎます。少し待ってからもう一度お試しください。",
    }
    /// While the panel waits out a rate limit before sending again by itself.
    rate_limited_retrying: fn(u32) -> String {
        en: |s| format!("Too many requests at once: sending again in {s} s."),
        ja: |s| format!("リクエストが多すぎます。{s} 秒後にもう一度送信します。"),
    }
    err_stripe_unavailable: &'static str {
        en: "Stripe could not be reached just now. Try again in a moment.",
        ja: "現在 Stripe に接続できません。少し待ってからもう一度お試しください。",
    }
    err_not_found: &'static str {
        en: "Stripe has no such object on this account.",
        ja: "このアカウントに該当するオブジェクトは Stripe にありません。",
    }
    numbers_not_allowed: &'static str {
        en: "The card's number and CVC stay hidden: your operator does not have the right to reveal them. Ask your platform administrator if you need it.",
        ja: "カード番号と CVC は表示されません。あなたのオペレーターには表示する権限がありません。必要な場合はプラットフォームの管理者に依頼してください。",
    }
    deactivated_reason: fn(&str) -> String {
        en: |r| match r { "revoked" => "revoked by the agent", "consumed" => "used up", "expired" => "expired", "resolved" => "resolved", _ => "for a reason Stripe did not name" }.to_owned(),
        ja: |r| match r { "revoked" => "エージェントが取り消し", "consumed" => "使い切り", "expired" => "期限切れ", "resolved" => "解決済み", _ => "理由不明" }.to_owned(),
    }
    cards_of: fn(&str) -> String {
        en: |name| format!("Cards — {name}"),
        ja: |name| format!("{name} のカード"),
    }
    position: fn(usize, usize, bool) -> String {
        en: |first, last, more| if more { format!("{first}–{last} of many") } else { format!("{first}–{last} of {last}") },
        ja: |first, last, more| if more { format!("{first}〜{last} 件目（ほかにもあります）") } else { format!("{first}〜{last} 件目（全 {last} 件）") },
    }
    clear_filters: &'static str {
        en: "Clear filters",
        ja: "条件をクリア",
    }
    card_read_only: &'static str {
        en: "Your role is read-only: you can see this card but not freeze, cancel or edit it.",
        ja: "あなたの権限は閲覧のみです。このカードを見ることはできますが、凍結・解約・編集はできません。",
    }
    event_type: &'static str {
        en: "Event type",
        ja: "イベントの種類",
    }
    any_event_type: &'static str {
        en: "Every type",
        ja: "すべての種類",
    }
    any_account: &'static str {
        en: "Every account",
        ja: "すべてのアカウント",
    }
    platform_event: &'static str {
        en: "Platform",
        ja: "プラットフォーム",
    }
    open_object: fn(&str) -> String {
        en: |id| format!("Open {id}"),
        ja: |id| format!("{id} を開く"),
    }
    no_events_match: &'static str {
        en: "No events of this type or account yet.",
        ja: "この種類・アカウントのイベントはまだありません。",
    }
    no_such_token: fn(&str) -> String {
        en: |id| format!("No such token on this account: {id}. Check the id the agent gave you."),
        ja: |id| format!("このアカウントにトークン {id} はありません。エージェントから受け取った ID を確認してください。"),
    }

    // Spending controls as phrases.
    /// `€500.00 per day` / `1日あたり €500.00`: an amount and Stripe's interval.
    limit_phrase: fn(&str, &str) -> String {
        en: |amount, interval| match interval {
            "per_authorization" => format!("{amount} per transaction"),
            "daily" => format!("{amount} per day"),
            "weekly" => format!("{amount} per week"),
            "monthly" => format!("{amount} per month"),
            "yearly" => format!("{amount} per year"),
            "all_time" => format!("{amount} in total"),
            other => format!("{amount} per {other}"),
        },
        ja: |amount, interval| match interval {
            "per_authorization" => format!("1回あたり {amount}"),
            "daily" => format!("1日あたり {amount}"),
            "weekly" => format!("1週間あたり {amount}"),
            "monthly" => format!("1か月あたり {amount}"),
            "yearly" => format!("1年あたり {amount}"),
            "all_time" => format!("累計 {amount}"),
            other => format!("{other} あたり {amount}"),
        },
    }
    no_limits: &'static str {
        en: "No limits",
        ja: "上限なし",
    }
    /// A limit's phrase, and how many categories it counts.
    limit_in_categories: fn(&str, usize) -> String {
        en: |phrase, n| format!("{phrase} ({n} categories)"),
        ja: |phrase, n| format!("{phrase}（{n}カテゴリ）"),
    }
    /// A limit's phrase, and the categories it counts.
    limit_only_in: fn(&str, &str) -> String {
        en: |phrase, labels| format!("{phrase} (only {labels})"),
        ja: |phrase, labels| format!("{phrase}（{labels}のみ）"),
    }
    /// Between the items of a list: `Bakeries, Florists` / `パン屋、生花店`.
    list_separator: &'static str {
        en: ", ",
        ja: "、",
    }
    /// Between phrases that have commas of their own.
    phrase_separator: &'static str {
        en: "; ",
        ja: "；",
    }
    /// A control with nothing set, in the review of a change.
    none_set: &'static str {
        en: "None",
        ja: "なし",
    }
    /// `Limit: €500.00`, a label and its value.
    labelled: fn(&str, &str) -> String {
        en: |label, value| format!("{label}: {value}"),
        ja: |label, value| format!("{label}：{value}"),
    }

    // Time left on a token.
    countdown_never: &'static str {
        en: "never",
        ja: "期限なし",
    }
    countdown_expired: &'static str {
        en: "expired",
        ja: "期限切れ",
    }
    countdown_seconds: fn(i64) -> String {
        en: |s| format!("in {s} s"),
        ja: |s| format!("あと {s} 秒"),
    }
    countdown_minutes: fn(i64, i64) -> String {
        en: |m, s| format!("in {m} min {s} s"),
        ja: |m, s| format!("あと {m} 分 {s} 秒"),
    }
    countdown_hours: fn(i64, i64) -> String {
        en: |h, m| format!("in {h} h {m} min"),
        ja: |h, m| format!("あと {h} 時間 {m} 分"),
    }
    countdown_days: fn(i64) -> String {
        en: |d| if d == 1 { "in 1 day".to_owned() } else { format!("in {d} days") },
        ja: |d| format!("あと {d} 日"),
    }

    // Stripe's rules, as a person breaks them in the panel. (Stripe's own English, naming
    // parameters, is the `Display` of `issuing_model::Rule`.)
    rule_limit_not_positive: &'static str {
        en: "Enter a limit greater than zero.",
        ja: "0 より大きい上限を入力してください。",
    }
    /// With the largest limit, as money.
    rule_limit_too_large: fn(&str) -> String {
        en: |most| format!("A limit can be at most {most}."),
        ja: |most| format!("上限は {most} までです。"),
    }
    rule_unknown_interval: fn(&str) -> String {
        en: |v| format!("Invalid interval '{v}': must be one of per_authorization, daily, weekly, monthly, yearly or all_time."),
        ja: |v| format!("期間「{v}」は無効です。per_authorization、daily、weekly、monthly、yearly、all_time のいずれかにしてください。"),
    }
    rule_not_a_country: fn(&str) -> String {
        en: |code| format!("'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. US, GB, DE, JP)."),
        ja: |code| format!("「{code}」は ISO 3166-1 の2文字の国コードではありません（例：US、GB、DE、JP）。"),
    }
    rule_unknown_card_presence: fn(&str) -> String {
        en: |p| format!("Invalid card presence '{p}': must be present or not_present."),
        ja: |p| format!("カードの提示方法「{p}」は無効です。present か not_present にしてください。"),
    }
    rule_unknown_category: fn(&str) -> String {
        en: |c| format!("Invalid merchant category '{c}'."),
        ja: |c| format!("加盟店カテゴリ「{c}」は無効です。"),
    }
    rule_allowed_and_blocked_categories: &'static str {
        en: "Allowed categories and blocked categories cannot both be set: clear one of them first.",
        ja: "許可するカテゴリとブロックするカテゴリは同時に設定できません。どちらかを空にしてください。",
    }
    rule_allowed_and_blocked_countries: &'static str {
        en: "Allowed countries and blocked countries cannot both be set: clear one of them first.",
        ja: "許可する国とブロックする国は同時に設定できません。どちらかを空にしてください。",
    }
    rule_allowed_and_blocked_presences: &'static str {
        en: "Allowed and blocked card presences cannot both be set: clear one of them first.",
        ja: "許可とブロックは同時に設定できません。どちらかを空にしてください。",
    }
    rule_unknown_status: fn(&str) -> String {
        en: |s| format!("Invalid status '{s}': must be active, inactive or canceled."),
        ja: |s| format!("状態「{s}」は無効です。active、inactive、canceled のいずれかにしてください。"),
    }
    rule_unknown_card_type: fn(&str) -> String {
        en: |k| format!("Invalid type '{k}': must be physical or virtual."),
        ja: |k| format!("種類「{k}」は無効です。physical か virtual にしてください。"),
    }
    rule_not_last4: fn(&str) -> String {
        en: |l| format!("'{l}' is not the last four digits of a card."),
        ja: |l| format!("「{l}」はカード番号の下4桁ではありません。"),
    }
    rule_exp_month: fn(u8) -> String {
        en: |m| format!("Invalid exp_month {m}: must be between 1 and 12."),
        ja: |m| format!("有効期限の月 {m} は無効です。1〜12 にしてください。"),
    }
    rule_exp_year: fn(u16) -> String {
        en: |y| format!("Invalid exp_year {y}: must be a four-digit year."),
        ja: |y| format!("有効期限の年 {y} は無効です。4桁の年にしてください。"),
    }
    /// A value, and the prefix of the kind of id it should be (`ic_`, `ich_`, …).
    rule_not_an_id: fn(&str, &str) -> String {
        en: |value, prefix| {
            let kind = match prefix {
                "ic_" => "a card",
                "ich_" => "a cardholder",
                "acct_" => "an account",
                "spt_" => "a shared payment token",
                "pi_" => "a payment intent",
                _ => "an event",
            };
            format!("'{value}' is not {kind} id ({prefix}…).")
        },
        ja: |value, prefix| {
            let kind = match prefix {
                "ic_" => "カード",
                "ich_" => "カード保有者",
                "acct_" => "アカウント",
                "spt_" => "共有支払いトークン",
                "pi_" => "支払い",
                _ => "イベント",
            };
            format!("「{value}」は{kind} ID（{prefix}…）ではありません。")
        },
    }
    rule_date_range_reversed: &'static str {
        en: "The start of the date range is after its end.",
        ja: "期間の開始日が終了日より後です。",
    }
    rule_page_size: fn(u8) -> String {
        en: |n| format!("Invalid limit {n}: must be between 1 and 100."),
        ja: |n| format!("表示件数 {n} は無効です。1〜100 にしてください。"),
    }
    rule_both_cursors: &'static str {
        en: "Give starting_after or ending_before, not both.",
        ja: "starting_after と ending_before は同時に指定できません。",
    }
    rule_nothing_to_update: &'static str {
        en: "Nothing to update: give spending_controls, status or cancellation_reason.",
        ja: "変更する項目がありません。",
    }
    rule_unknown_cancellation_reason: fn(&str) -> String {
        en: |r| format!("Invalid cancellation_reason '{r}': must be lost or stolen."),
        ja: |r| format!("解約理由「{r}」は無効です。lost か stolen にしてください。"),
    }
    rule_cancellation_without_cancel: &'static str {
        en: "cancellation_reason can only be given with status=canceled.",
        ja: "解約理由は、カードを解約するときにだけ指定できます。",
    }
    rule_card_canceled: &'static str {
        en: "This card is canceled; a canceled card cannot be changed.",
        ja: "このカードは解約済みです。解約したカードは変更できません。",
    }
    /// At the field: the panel says what is missing by the field itself.
    rule_missing: &'static str {
        en: "This field is required.",
        ja: "入力してください。",
    }
    rule_name_character: fn(char) -> String {
        en: |c| format!("The name cannot contain numbers or special characters ('{c}'): it is printed on cards."),
        ja: |c| format!("名前には数字や記号（「{c}」）を使えません。カードに印字されます。"),
    }
    rule_name_too_long: fn(usize, usize) -> String {
        en: |max, given| format!("The name is {given} characters long; at most {max} fit on a card."),
        ja: |max, given| format!("名前が{given}文字あります。カードに印字できるのは{max}文字までです。"),
    }
    rule_latin_letters_only: fn(char) -> String {
        en: |c| format!("This field accepts Latin letters, spaces, periods, commas, hyphens and apostrophes only ('{c}')."),
        ja: |c| format!("この欄にはローマ字・スペース・ピリオド・カンマ・ハイフン・アポストロフィだけを使えます（「{c}」）。"),
    }
    rule_not_an_email: fn(&str) -> String {
        en: |e| format!("Invalid email address: {e}"),
        ja: |e| format!("メールアドレスが正しくありません：{e}"),
    }
    rule_not_a_phone_number: fn(&str) -> String {
        en: |p| format!("Invalid phone number '{p}': give it in international format, like +14155550123."),
        ja: |p| format!("電話番号「{p}」が正しくありません。+819012345678 のように国番号から入力してください。"),
    }
    rule_not_a_date: &'static str {
        en: "Invalid date of birth: no such date.",
        ja: "生年月日が正しくありません。存在しない日付です。",
    }
    rule_too_young: fn(i32) -> String {
        en: |age| format!("Cardholders must be at least {age} years old."),
        ja: |age| format!("カード保有者は{age}歳以上である必要があります。"),
    }
    rule_unknown_locale: fn(&str) -> String {
        en: |l| format!("Invalid preferred locale '{l}': must be one of de, en, es, fr or it."),
        ja: |l| format!("希望言語「{l}」は無効です。de、en、es、fr、it のいずれかにしてください。"),
    }
    rule_cardholder_status_not_settable: fn(&str) -> String {
        en: |s| format!("Invalid status '{s}': a cardholder can be set active or inactive."),
        ja: |s| format!("ステータス「{s}」は設定できません。カード保有者は有効か無効にだけ設定できます。"),
    }
    rule_unknown_cardholder_type: fn(&str) -> String {
        en: |k| format!("Invalid type '{k}': must be individual or company."),
        ja: |k| format!("種類「{k}」は無効です。個人か法人にしてください。"),
    }
    rule_individual_on_company: &'static str {
        en: "individual can only be given for cardholders of type individual.",
        ja: "個人情報は、種類が個人のカード保有者にだけ指定できます。",
    }
    rule_cardholder_blocked: &'static str {
        en: "This cardholder is blocked: they cannot be changed or issued new cards.",
        ja: "このカード保有者はブロックされています。変更も新しいカードの発行もできません。",
    }
    rule_postal_code: fn(&str, &str) -> String {
        en: |country, code| format!("'{code}' is not a valid postal code in {country}."),
        ja: |country, code| format!("「{code}」は{country}の郵便番号として正しくありません。"),
    }
    rule_not_a_state: fn(&str) -> String {
        en: |s| format!("'{s}' is not a state: use its two-letter code, like CA."),
        ja: |s| format!("「{s}」は州ではありません。CA のように2文字のコードで入力してください。"),
    }
    rule_new_card_status: fn(&str) -> String {
        en: |s| format!("Invalid status '{s}': a new card is active or inactive."),
        ja: |s| format!("ステータス「{s}」は無効です。新しいカードは有効か無効にしてください。"),
    }
    rule_shipping_for_virtual: &'static str {
        en: "shipping can only be given for physical cards.",
        ja: "配送先は物理カードにだけ指定できます。",
    }
    rule_unknown_shipping_service: fn(&str) -> String {
        en: |s| format!("Invalid shipping service '{s}': must be standard, express or priority."),
        ja: |s| format!("配送方法「{s}」は無効です。standard、express、priority のいずれかにしてください。"),
    }
    rule_unknown_replacement_reason: fn(&str) -> String {
        en: |r| format!("Invalid replacement_reason '{r}': must be damaged, expired, lost or stolen."),
        ja: |r| format!("再発行の理由「{r}」は無効です。破損・期限切れ・紛失・盗難のいずれかにしてください。"),
    }
    rule_replacement_reason_without_card: &'static str {
        en: "replacement_reason can only be given with replacement_for.",
        ja: "再発行の理由は、置き換えるカードと一緒にだけ指定できます。",
    }
    /// The account's currency, then the one given (upper case).
    rule_not_program_currency: fn(&str, &str) -> String {
        en: |program, given| format!("This account issues cards in {program}, not {given}."),
        ja: |program, given| format!("このアカウントが発行するカードの通貨は{program}です（{given}ではありません）。"),
    }
    /// The fields still owed, listed.
    rule_requirements_past_due: fn(&str) -> String {
        en: |fields| format!("The card cannot be activated until the cardholder's {fields} are provided."),
        ja: |fields| format!("カード保有者の {fields} が登録されるまで、カードを有効にできません。"),
    }
    rule_replacement_for_other_cardholder: &'static str {
        en: "A replacement card must be issued to the cardholder of the card it replaces.",
        ja: "再発行カードは、置き換えるカードと同じカード保有者に発行してください。",
    }
    rule_already_replaced: fn(&str) -> String {
        en: |by| format!("This card has already been replaced by {by}."),
        ja: |by| format!("このカードはすでに {by} で再発行されています。"),
    }
    rule_not_physical: &'static str {
        en: "This card is virtual: it is not shipped.",
        ja: "このカードはバーチャルカードのため、配送されません。",
    }
    rule_too_many_cardholders: fn(usize) -> String {
        en: |max| format!("More than {max} cardholders have this in their name: give more of it."),
        ja: |max| format!("この名前を含むカード保有者が{max}人を超えています。名前をもう少し詳しく入力してください。"),
    }
    rule_shipping_transition: fn(&str, &str) -> String {
        en: |from, to| format!("The card's shipment is {from}; it cannot be marked {to}."),
        ja: |from, to| format!("このカードの配送状況は {from} のため、{to} にはできません。"),
    }
    /// The value, and the test payment methods there are, listed.
    rule_not_a_test_payment_method: fn(&str, &[&str]) -> String {
        en: |v, names| format!("'{v}' is not a test payment method; use one of {}.", names.join(", ")),
        ja: |v, names| format!("「{v}」はテスト用の支払い方法ではありません。{} のいずれかを使ってください。", names.join("、")),
    }
    rule_not_a_currency: fn(&str) -> String {
        en: |c| format!("'{c}' is not a currency Stripe takes: use its three-letter code in lowercase, like jpy."),
        ja: |c| format!("「{c}」は Stripe が扱う通貨ではありません。jpy のように小文字3文字のコードで入力してください。"),
    }
    /// The smallest and the largest maximum, as money.
    rule_max_amount_out_of_range: fn(&str, &str) -> String {
        en: |least, most| format!("The maximum amount must be between {least} and {most}."),
        ja: |least, most| format!("上限金額は {least} から {most} の間にしてください。"),
    }
    rule_expiry_not_in_future: &'static str {
        en: "The expiry must be in the future.",
        ja: "有効期限は未来の日時にしてください。",
    }
    /// Why: Stripe's deactivated reason (`revoked`, `expired`, `consumed`, `resolved`, …).
    rule_token_closed: fn(&str) -> String {
        en: |why| {
            let why = match why {
                "revoked" => "the agent revoked it",
                "expired" => "it expired",
                "consumed" => "its whole amount has been used",
                "resolved" => "it was resolved",
                _ => "it was deactivated",
            };
            format!("This token can no longer be charged: {why}. Ask the agent for a new token.")
        },
        ja: |why| {
            let why = match why {
                "revoked" => "エージェントが取り消しました",
                "expired" => "有効期限が切れました",
                "consumed" => "全額が使われました",
                "resolved" => "解決済みです",
                _ => "無効になりました",
            };
            format!("このトークンにはもう請求できません（{why}）。エージェントに新しいトークンを依頼してください。")
        },
    }
    /// The token's currency and the one given, as codes (`JPY`).
    rule_wrong_currency: fn(&str, &str) -> String {
        en: |token, given| format!("This token can only be charged in {token}, not {given}."),
        ja: |token, given| format!("このトークンに請求できるのは {token} だけで、{given} では請求できません。"),
    }
    purchases_title: &'static str {
        en: "Purchases",
        ja: "利用履歴",
    }
    purchases_loading: &'static str {
        en: "Loading purchases…",
        ja: "利用履歴を読み込み中…",
    }
    purchases_failed: &'static str {
        en: "The purchases could not be loaded.",
        ja: "利用履歴を読み込めませんでした。",
    }
    purchases_none: &'static str {
        en: "This card has not been used yet.",
        ja: "このカードはまだ利用されていません。",
    }
    col_when: &'static str {
        en: "When",
        ja: "日時",
    }
    col_merchant: &'static str {
        en: "Merchant",
        ja: "加盟店",
    }
    col_amount: &'static str {
        en: "Amount",
        ja: "金額",
    }
    col_result: &'static str {
        en: "Result",
        ja: "結果",
    }
    purchase_approved: &'static str {
        en: "Approved",
        ja: "承認",
    }
    decline_on_card: &'static str {
        en: "card",
        ja: "カード",
    }
    decline_on_cardholder: &'static str {
        en: "cardholder",
        ja: "カード保有者",
    }
    decline_category_not_allowed: fn(&str, &str) -> String {
        en: |category, whose| format!("Declined: {category} is not among the {whose}'s allowed categories"),
        ja: |category, whose| format!("拒否：{category} は{whose}で許可されたカテゴリではありません"),
    }
    decline_category_blocked: fn(&str, &str) -> String {
        en: |category, whose| format!("Declined: {category} is blocked for the {whose}"),
        ja: |category, whose| format!("拒否：{category} は{whose}でブロックされています"),
    }
    decline_country_not_allowed: fn(&str, &str) -> String {
        en: |country, whose| format!("Declined: merchants in {country} are not allowed for the {whose}"),
        ja: |country, whose| format!("拒否：{country} の加盟店は{whose}で許可されていません"),
    }
    decline_country_unknown: fn(&str) -> String {
        en: |whose| format!("Declined: the merchant's country is unknown and the {whose} allows only some"),
        ja: |whose| format!("拒否：加盟店の国が不明で、{whose}は一部の国のみ許可しています"),
    }
    decline_country_blocked: fn(&str, &str) -> String {
        en: |country, whose| format!("Declined: merchants in {country} are blocked for the {whose}"),
        ja: |country, whose| format!("拒否：{country} の加盟店は{whose}でブロックされています"),
    }
    decline_presence: fn(bool, &str) -> String {
        en: |present, whose| if present {
            format!("Declined: purchases with the card present are not allowed for the {whose}")
        } else {
            format!("Declined: purchases without the card present are not allowed for the {whose}")
        },
        ja: |present, whose| if present {
            format!("拒否：{whose}ではカードを提示する取引は許可されていません")
        } else {
            format!("拒否：{whose}ではカードを提示しない取引は許可されていません")
        },
    }
    decline_over_limit: fn(&str, &str, &str) -> String {
        en: |limit, spent, whose| format!("Declined: over the {whose}'s limit of {limit} ({spent} already spent)"),
        ja: |limit, spent, whose| format!("拒否：{whose}の上限（{limit}）を超えます（使用済み {spent}）"),
    }
    decline_card_inactive: &'static str {
        en: "Declined: the card is inactive",
        ja: "拒否：カードが無効です",
    }
    decline_card_canceled: &'static str {
        en: "Declined: the card is canceled",
        ja: "拒否：カードは解約済みです",
    }
    decline_card_expired: &'static str {
        en: "Declined: the card has expired",
        ja: "拒否：カードの有効期限が切れています",
    }
    decline_cardholder_inactive: &'static str {
        en: "Declined: the cardholder is inactive",
        ja: "拒否：カード保有者が無効です",
    }
    decline_cardholder_blocked: &'static str {
        en: "Declined: the cardholder is blocked",
        ja: "拒否：カード保有者はブロックされています",
    }
    decline_spending_controls: &'static str {
        en: "Declined by a spending control",
        ja: "拒否：利用制限による",
    }
    decline_other: fn(&str) -> String {
        en: |reason| format!("Declined by Stripe ({reason})"),
        ja: |reason| format!("Stripe により拒否（{reason}）"),
    }
    /// How an authorization stands now.
    purchase_pending: &'static str {
        en: "Pending",
        ja: "保留中",
    }
    purchase_captured: fn(&str) -> String {
        en: |amount| format!("Settled {amount}"),
        ja: |amount| format!("{amount} 確定"),
    }
    purchase_refunded: fn(&str) -> String {
        en: |amount| format!("Refunded {amount}"),
        ja: |amount| format!("{amount} 返金"),
    }
    purchase_reversed: &'static str {
        en: "Reversed",
        ja: "取消済み",
    }
    purchase_expired: &'static str {
        en: "Expired",
        ja: "期限切れ",
    }
    purchases_pages: &'static str {
        en: "Purchase pages",
        ja: "利用履歴のページ",
    }
    spending_title: &'static str {
        en: "Spending",
        ja: "利用状況",
    }
    spending_loading: &'static str {
        en: "Counting what the card has spent…",
        ja: "カードの利用額を集計中…",
    }
    spending_failed: &'static str {
        en: "What the card has spent could not be counted.",
        ja: "カードの利用額を集計できませんでした。",
    }
    /// Spent, the limit, and the interval it is counted over, as Stripe's interval.
    spent_of: fn(&str, &str, &str) -> String {
        en: |spent, limit, interval| match interval {
            "daily" => format!("{spent} of {limit} today"),
            "weekly" => format!("{spent} of {limit} this week"),
            "monthly" => format!("{spent} of {limit} this month"),
            "yearly" => format!("{spent} of {limit} this year"),
            "all_time" => format!("{spent} of {limit} in total"),
            other => format!("{spent} of {limit} ({other})"),
        },
        ja: |spent, limit, interval| match interval {
            "daily" => format!("本日 {limit} のうち {spent}"),
            "weekly" => format!("今週 {limit} のうち {spent}"),
            "monthly" => format!("今月 {limit} のうち {spent}"),
            "yearly" => format!("今年 {limit} のうち {spent}"),
            "all_time" => format!("累計 {limit} のうち {spent}"),
            other => format!("{limit} のうち {spent}（{other}）"),
        },
    }
    spent_left: fn(&str) -> String {
        en: |left| format!("{left} left"),
        ja: |left| format!("残り {left}"),
    }
    per_purchase_limit: fn(&str) -> String {
        en: |limit| format!("Up to {limit} per purchase"),
        ja: |limit| format!("1回あたり最大 {limit}"),
    }
    cardholder_limits: &'static str {
        en: "The cardholder's limits (all their cards)",
        ja: "カード保有者の上限（すべてのカード）",
    }
    spending_partial: &'static str {
        en: "This card has a long history: only its latest purchases are counted here.",
        ja: "利用履歴が長いため、ここでは最近の利用分のみ集計しています。",
    }
    simulate_title: &'static str {
        en: "Simulate a purchase",
        ja: "購入をシミュレート",
    }
    simulate_hint: &'static str {
        en: "Test mode: Stripe decides as it would for a real purchase at this merchant. No money moves.",
        ja: "テストモード：この加盟店での実際の購入と同じように Stripe が判断します。お金は動きません。",
    }
    merchant_currency: &'static str {
        en: "Merchant's currency",
        ja: "加盟店の通貨",
    }
    /// The card's currency, as a code.
    amount_in_card_currency: fn(&str) -> String {
        en: |code| format!("The same in the card's currency ({code})"),
        ja: |code| format!("カードの通貨（{code}）での金額"),
    }
    merchant_category: &'static str {
        en: "Merchant category",
        ja: "加盟店カテゴリ",
    }
    merchant_country: &'static str {
        en: "Merchant country",
        ja: "加盟店の国",
    }
    merchant_name: &'static str {
        en: "Merchant name",
        ja: "加盟店名",
    }
    card_present_field: &'static str {
        en: "The card is present (a purchase in a shop)",
        ja: "カードを提示（店頭での購入）",
    }
    capture_field: &'static str {
        en: "Settle it at once (capture)",
        ja: "すぐに確定する（キャプチャ）",
    }
    choose_category: &'static str {
        en: "Choose a merchant category.",
        ja: "加盟店カテゴリを選んでください。",
    }
    simulate_submit: &'static str {
        en: "Simulate purchase",
        ja: "購入をシミュレート",
    }
    simulating: &'static str {
        en: "Asking Stripe…",
        ja: "Stripe に問い合わせ中…",
    }
    /// The amount and the merchant.
    simulated_approved: fn(&str, &str) -> String {
        en: |amount, merchant| format!("Approved: {amount} at {merchant}"),
        ja: |amount, merchant| format!("承認：{merchant} で {amount}"),
    }
    not_simulated: fn(&str) -> String {
        en: |why| format!("The purchase was not simulated: {why}"),
        ja: |why| format!("購入をシミュレートできませんでした：{why}"),
    }
    what_if_title: &'static str {
        en: "This draft over the last 30 days",
        ja: "この変更を過去30日間に当てはめると",
    }
    what_if_loading: &'static str {
        en: "Checking the draft against the card's last 30 days…",
        ja: "過去30日間の利用に照らして確認中…",
    }
    what_if_failed: &'static str {
        en: "The card's purchases could not be loaded, so the draft was not checked against them.",
        ja: "カードの利用履歴を読み込めなかったため、変更内容を照合できませんでした。",
    }
    /// How many purchases were looked at.
    what_if_same: fn(usize) -> String {
        en: |n| match n {
            0 => "The card has no purchases in the last 30 days to check the draft against.".to_owned(),
            1 => "It would have decided the card's one purchase the same way.".to_owned(),
            n => format!("It would have decided all {n} purchases the same way."),
        },
        ja: |n| match n {
            0 => "過去30日間に照合できる利用はありません。".to_owned(),
            n => format!("{n} 件の利用すべてが同じ結果になります。"),
        },
    }
    /// How many approvals it declines and declines it approves, of how many purchases.
    what_if_changes: fn(usize, usize, usize) -> String {
        en: |declined, approved, n| {
            let d = match declined { 1 => "1 approved purchase".to_owned(), d => format!("{d} approved purchases") };
            let a = match approved { 1 => "1 declined purchase".to_owned(), a => format!("{a} declined purchases") };
            match (declined, approved) {
                (_, 0) => format!("Of {n} purchases, it would have declined {d}."),
                (0, _) => format!("Of {n} purchases, it would have let through {a}."),
                _ => format!("Of {n} purchases, it would have declined {d} and let through {a}."),
            }
        },
        ja: |declined, approved, n| match (declined, approved) {
            (d, 0) => format!("{n} 件の利用のうち、承認済みの {d} 件が拒否されます。"),
            (0, a) => format!("{n} 件の利用のうち、拒否された {a} 件が承認されます。"),
            (d, a) => format!("{n} 件の利用のうち、承認済みの {d} 件が拒否され、拒否された {a} 件が承認されます。"),
        },
    }
    would_decline: &'static str {
        en: "Would be declined",
        ja: "拒否される利用",
    }
    would_approve: &'static str {
        en: "Would pass",
        ja: "承認される利用",
    }
    would_pass_now: &'static str {
        en: "Would pass with this draft",
        ja: "この変更なら承認",
    }
    and_more: fn(usize) -> String {
        en: |n| format!("and {n} more"),
        ja: |n| format!("ほか {n} 件"),
    }
    /// Approved or not, the amount, the merchant.
    event_authorization: fn(bool, &str, &str) -> String {
        en: |approved, amount, merchant| if approved {
            format!("Approved {amount} at {merchant}")
        } else {
            format!("Declined {amount} at {merchant}")
        },
        ja: |approved, amount, merchant| if approved {
            format!("{merchant} で {amount} を承認")
        } else {
            format!("{merchant} で {amount} を拒否")
        },
    }
    /// A refund or not, the amount, the merchant.
    event_transaction: fn(bool, &str, &str) -> String {
        en: |refund, amount, merchant| if refund {
            format!("Refunded {amount} from {merchant}")
        } else {
            format!("Settled {amount} at {merchant}")
        },
        ja: |refund, amount, merchant| if refund {
            format!("{merchant} から {amount} を返金")
        } else {
            format!("{merchant} で {amount} を確定")
        },
    }
    /// What changed, as a list of the card's field names in words.
    event_card_changed: fn(&str) -> String {
        en: |what| format!("Changed: {what}"),
        ja: |what| format!("変更：{what}"),
    }
    a_merchant: &'static str {
        en: "a merchant",
        ja: "加盟店",
    }
    rule_unknown_authorization_status: fn(&str) -> String {
        en: |s| format!("Invalid status '{s}': must be pending, closed, reversed or expired."),
        ja: |s| format!("状態「{s}」は無効です。pending、closed、reversed、expired のいずれかにしてください。"),
    }
    rule_unknown_transaction_type: fn(&str) -> String {
        en: |k| format!("Invalid type '{k}': must be capture or refund."),
        ja: |k| format!("種類「{k}」は無効です。capture か refund にしてください。"),
    }
    rule_merchant_amount_and_currency: &'static str {
        en: "Give the merchant's amount and its currency together, or neither.",
        ja: "加盟店の金額と通貨は両方とも入力するか、どちらも空にしてください。",
    }
    rule_charge_not_positive: &'static str {
        en: "Enter an amount greater than zero.",
        ja: "0 より大きい金額を入力してください。",
    }
    /// The amount, what is left and the token's maximum, as money.
    rule_over_remaining: fn(&str, &str, &str) -> String {
        en: |amount, left, max| format!("{amount} is more than what is left on this token ({left} of {max})."),
        ja: |amount, left, max| format!("{amount} はこのトークンの残高（{max} のうち {left}）を超えています。"),
    }

    // Amounts as typed.
    money_empty: &'static str {
        en: "Enter an amount.",
        ja: "金額を入力してください。",
    }
    money_not_a_number: &'static str {
        en: "Enter the amount as a number, like 500 or 500.00.",
        ja: "金額は 500 や 500.00 のように数字で入力してください。",
    }
    money_negative: &'static str {
        en: "The amount cannot be negative.",
        ja: "金額にマイナスは使えません。",
    }
    money_whole_only: &'static str {
        en: "This currency has no decimal places: enter a whole amount.",
        ja: "この通貨には小数点以下の単位がありません。整数で入力してください。",
    }
    money_too_many_decimals: fn(u32) -> String {
        en: |n| format!("This currency has at most {n} decimal places."),
        ja: |n| format!("この通貨の小数点以下は {n} 桁までです。"),
    }
    money_too_large: &'static str {
        en: "The amount is too large.",
        ja: "金額が大きすぎます。",
    }
    /// The thousands reading as money, as it should be typed, and two examples of decimals.
    money_ambiguous: fn(&str, &str, &str, &str) -> String {
        en: |money, typed, point, comma| format!("Did you mean {money}? Write it as {typed} to be sure; for a part of a unit write the decimals in full, like {point} or {comma}."),
        ja: |money, typed, point, comma| format!("{money} のことですか？ 確実にするには {typed} と入力してください。1 未満の端数は {point} や {comma} のように小数の桁をすべて入力します。"),
    }
    money_decimal_comma: fn(&str) -> String {
        en: |s| format!("Use a point for decimals: {s}."),
        ja: |s| format!("小数点には「.」を使ってください：{s}"),
    }
    money_bad_grouping: &'static str {
        en: "Group thousands in threes, like 1,250,000, or leave the separators out.",
        ja: "桁区切りは 1,250,000 のように 3 桁ごとにするか、区切りなしで入力してください。",
    }

    // The audit trail: the Activity page, a card's History, and the CSV export.
    nav_activity: &'static str {
        en: "Activity",
        ja: "操作履歴",
    }
    activity_title: fn(&str) -> String {
        en: |account| format!("Activity on {account}"),
        ja: |account| format!("{account} の操作履歴"),
    }
    activity_link: &'static str {
        en: "Activity: who changed what",
        ja: "操作履歴：誰が何を変更したか",
    }
    all_activity: &'static str {
        en: "All activity on this account",
        ja: "このアカウントのすべての操作履歴",
    }
    audit_pages: &'static str {
        en: "Pages of the activity",
        ja: "操作履歴のページ",
    }
    audit_filters: &'static str {
        en: "Filter the activity",
        ja: "操作履歴の絞り込み",
    }
    activity_intro: &'static str {
        en: "Every change made through this panel: who made it, when, what it changed and what Stripe answered.",
        ja: "このパネルから行われたすべての変更：誰が、いつ、何を変え、Stripe がどう応答したか。",
    }
    history_title: &'static str {
        en: "History",
        ja: "変更履歴",
    }
    history_empty: &'static str {
        en: "No changes to this card have been made through this panel yet.",
        ja: "このパネルからこのカードへの変更はまだありません。",
    }
    activity_empty: &'static str {
        en: "No changes match these filters.",
        ja: "条件に合う変更はありません。",
    }
    activity_failed: &'static str {
        en: "The activity could not be loaded.",
        ja: "操作履歴を読み込めませんでした。",
    }
    activity_loading: &'static str {
        en: "Loading activity…",
        ja: "操作履歴を読み込み中…",
    }
    audit_when: &'static str {
        en: "When",
        ja: "日時",
    }
    audit_operator: &'static str {
        en: "Operator",
        ja: "オペレーター",
    }
    audit_account: &'static str {
        en: "Account",
        ja: "アカウント",
    }
    audit_object: &'static str {
        en: "Object",
        ja: "対象",
    }
    audit_kind: &'static str {
        en: "Kind",
        ja: "種類",
    }
    audit_change: &'static str {
        en: "Change",
        ja: "変更内容",
    }
    audit_outcome: &'static str {
        en: "Outcome",
        ja: "結果",
    }
    audit_before: &'static str {
        en: "Before",
        ja: "変更前",
    }
    audit_after: &'static str {
        en: "After",
        ja: "変更後",
    }
    audit_request: &'static str {
        en: "Stripe request",
        ja: "Stripe リクエスト",
    }
    audit_error: &'static str {
        en: "Error",
        ja: "エラー",
    }
    audit_key: &'static str {
        en: "Idempotency key",
        ja: "冪等キー",
    }
    any_kind: &'static str {
        en: "Any kind",
        ja: "すべての種類",
    }
    audit_operator_filter: &'static str {
        en: "Operator id",
        ja: "オペレーター ID",
    }
    audit_object_filter: &'static str {
        en: "Object id",
        ja: "対象の ID",
    }
    audit_from: &'static str {
        en: "From",
        ja: "開始日",
    }
    audit_to: &'static str {
        en: "To",
        ja: "終了日",
    }
    audit_kind_label: fn(&str) -> String {
        en: |k| match k { "card_spending_controls" => "Spending controls", "card_status" => "Card status", "card_issue" => "Card issued", "card_replace" => "Card replaced", "card_shipping" => "Shipping", "cardholder_create" => "Cardholder created", "cardholder_update" => "Cardholder edited", "token_grant" => "Token granted", "token_charge" => "Token charged", "purchase_simulation" => "Simulated purchase", other => other }.to_owned(),
        ja: |k| match k { "card_spending_controls" => "利用制限", "card_status" => "カードの状態", "card_issue" => "カードの発行", "card_replace" => "カードの再発行", "card_shipping" => "配送", "cardholder_create" => "カード保有者の作成", "cardholder_update" => "カード保有者の編集", "token_grant" => "トークンの付与", "token_charge" => "トークンへの請求", "purchase_simulation" => "購入のシミュレーション", other => other }.to_owned(),
    }
    audit_outcome_label: fn(&str) -> String {
        en: |o| match o { "pending" => "Pending (outcome unknown)", "succeeded" => "Done", "refused" => "Refused", "failed" => "Failed", other => other }.to_owned(),
        ja: |o| match o { "pending" => "保留中（結果不明）", "succeeded" => "完了", "refused" => "拒否", "failed" => "失敗", other => other }.to_owned(),
    }
    shipping: &'static str {
        en: "Shipping",
        ja: "配送",
    }
    activate_now: &'static str {
        en: "Activate the card now",
        ja: "今すぐカードを有効にする",
    }
    address_line1: &'static str {
        en: "Address line 1",
        ja: "住所 1",
    }
    address_line2: &'static str {
        en: "Address line 2 (optional)",
        ja: "住所 2（任意）",
    }
    back_to_cardholders: &'static str {
        en: "← Cardholders",
        ja: "← カード保有者",
    }
    billing_address: &'static str {
        en: "Billing address",
        ja: "請求先住所",
    }
    cancel: &'static str {
        en: "Cancel",
        ja: "キャンセル",
    }
    cardholder_active: &'static str {
        en: "Active",
        ja: "有効",
    }
    cardholder_blocked: &'static str {
        en: "Blocked",
        ja: "ブロック",
    }
    cardholder_failed: &'static str {
        en: "The cardholder could not be loaded.",
        ja: "カード保有者を読み込めませんでした。",
    }
    cardholder_inactive: &'static str {
        en: "Inactive",
        ja: "無効",
    }
    cardholder_saved: &'static str {
        en: "Cardholder saved.",
        ja: "カード保有者を保存しました。",
    }
    cardholder_type: &'static str {
        en: "Type",
        ja: "種類",
    }
    cardholders_failed: &'static str {
        en: "The cardholders could not be loaded.",
        ja: "カード保有者を読み込めませんでした。",
    }
    cardholders_title: &'static str {
        en: "Cardholders",
        ja: "カード保有者",
    }
    carrier: &'static str {
        en: "Carrier",
        ja: "配送業者",
    }
    city: &'static str {
        en: "City",
        ja: "市区町村",
    }
    company: &'static str {
        en: "Company",
        ja: "法人",
    }
    country_hint: &'static str {
        en: "Two letters: US, GB, DE, JP…",
        ja: "2文字のコード：US、GB、DE、JP など",
    }
    country: &'static str {
        en: "Country",
        ja: "国",
    }
    create_cardholder: &'static str {
        en: "Create cardholder",
        ja: "カード保有者を作成",
    }
    date_of_birth: &'static str {
        en: "Date of birth",
        ja: "生年月日",
    }
    edit_cardholder: &'static str {
        en: "Edit cardholder",
        ja: "カード保有者を編集",
    }
    email: &'static str {
        en: "Email",
        ja: "メールアドレス",
    }
    expected_delivery: &'static str {
        en: "Expected delivery",
        ja: "配達予定日",
    }
    first_name: &'static str {
        en: "First name",
        ja: "名（ローマ字）",
    }
    individual: &'static str {
        en: "Individual",
        ja: "個人",
    }
    issue_card: &'static str {
        en: "Issue a card",
        ja: "カードを発行",
    }
    issuing: &'static str {
        en: "Issuing…",
        ja: "発行中…",
    }
    last_name: &'static str {
        en: "Last name",
        ja: "姓（ローマ字）",
    }
    legal_name_hint: &'static str {
        en: "In Latin letters, as on their ID. Needed before their cards can be activated.",
        ja: "身分証明書のとおりローマ字で入力してください。カードを有効にする前に必要です。",
    }
    legal_name: &'static str {
        en: "Legal name",
        ja: "氏名",
    }
    loading_cardholder: &'static str {
        en: "Loading the cardholder…",
        ja: "カード保有者を読み込み中…",
    }
    loading_cardholders: &'static str {
        en: "Loading cardholders…",
        ja: "カード保有者を読み込み中…",
    }
    name_on_card_hint: &'static str {
        en: "Printed on their cards: up to 24 letters, in any script.",
        ja: "カードに印字されます。24文字まで（漢字・かなも使えます）。",
    }
    name_on_card: &'static str {
        en: "Name on card",
        ja: "カード上の名前",
    }
    new_cardholder: &'static str {
        en: "New cardholder",
        ja: "新しいカード保有者",
    }
    no_cardholders_match: &'static str {
        en: "No cardholder matches.",
        ja: "該当するカード保有者はいません。",
    }
    no_cards_yet: &'static str {
        en: "No cards yet.",
        ja: "カードはまだありません。",
    }
    phone_hint: &'static str {
        en: "International format, like +14155550123.",
        ja: "+819012345678 のように国番号から入力してください。",
    }
    phone_number: &'static str {
        en: "Phone number",
        ja: "電話番号",
    }
    postal_code: &'static str {
        en: "Postal code",
        ja: "郵便番号",
    }
    replace_cancels_now: &'static str {
        en: "The card is canceled as soon as the replacement is issued.",
        ja: "再発行すると、このカードはすぐに解約されます。",
    }
    replace_cancels_on_activation: &'static str {
        en: "The card keeps working until the replacement is activated.",
        ja: "再発行カードを有効にするまで、このカードは使えます。",
    }
    replace_card: &'static str {
        en: "Replace card",
        ja: "カードを再発行",
    }
    replacement_reason_label: &'static str {
        en: "Why it is replaced",
        ja: "再発行の理由",
    }
    save_cardholder: &'static str {
        en: "Save",
        ja: "保存",
    }
    search_cardholders_hint: &'static str {
        en: "Part of a name, an email or a number",
        ja: "名前の一部、メールアドレス、電話番号",
    }
    search_cardholders: &'static str {
        en: "Search",
        ja: "検索",
    }
    search: &'static str {
        en: "Search",
        ja: "検索",
    }
    ship_to_name: &'static str {
        en: "Ship to",
        ja: "宛名",
    }
    shipping_address: &'static str {
        en: "Shipping address",
        ja: "配送先住所",
    }
    shipping_service: &'static str {
        en: "Service",
        ja: "配送方法",
    }
    state: &'static str {
        en: "State or region",
        ja: "州・地域",
    }
    test_helpers: &'static str {
        en: "Test mode:",
        ja: "テストモード：",
    }
    their_cards: &'static str {
        en: "Their cards",
        ja: "この保有者のカード",
    }
    tracking_number: &'static str {
        en: "Tracking number",
        ja: "追跡番号",
    }
    /// The fields still owed to Stripe, listed.
    cardholder_owes: fn(&str) -> String {
        en: |fields| format!("Stripe still needs their {fields}: their cards cannot be activated until then."),
        ja: |fields| format!("Stripe にはまだ {fields} が必要です。それまでカードを有効にできません。"),
    }
    carrier_name: fn(&str) -> String {
        en: |c| match c { "usps" => "USPS", "royal_mail" => "Royal Mail", "dhl" => "DHL", "fedex" => "FedEx", "correos" => "Correos", other => other }.to_owned(),
        ja: |c| match c { "usps" => "USPS", "royal_mail" => "ロイヤルメール", "dhl" => "DHL", "fedex" => "FedEx", "correos" => "Correos", other => other }.to_owned(),
    }
    shipping_service_name: fn(&str) -> String {
        en: |s| match s { "standard" => "Standard", "express" => "Express", "priority" => "Priority", other => other }.to_owned(),
        ja: |s| match s { "standard" => "通常", "express" => "速達", "priority" => "最優先", other => other }.to_owned(),
    }
    /// A shipping test helper's button.
    shipping_step: fn(&str) -> String {
        en: |s| match s { "submit" => "Mark submitted", "ship" => "Mark shipped", "deliver" => "Mark delivered", "return" => "Mark returned", "fail" => "Mark failed", other => other }.to_owned(),
        ja: |s| match s { "submit" => "手配済みにする", "ship" => "発送済みにする", "deliver" => "配達済みにする", "return" => "返送にする", "fail" => "配達失敗にする", other => other }.to_owned(),
    }
    bulk_all_matching: &'static str {
        en: "Every card matching the filters is selected.",
        ja: "絞り込み条件に合うすべてのカードを選択しています。",
    }
    bulk_clear: &'static str {
        en: "Clear selection",
        ja: "選択を解除",
    }
    bulk_freeze: &'static str {
        en: "Freeze",
        ja: "凍結",
    }
    bulk_unfreeze: &'static str {
        en: "Unfreeze",
        ja: "凍結を解除",
    }
    bulk_limit_amount: &'static str {
        en: "Spending limit",
        ja: "利用上限",
    }
    bulk_retry: &'static str {
        en: "Retry the failed cards",
        ja: "失敗したカードを再試行",
    }
    bulk_select_all_matching: &'static str {
        en: "Select every card matching the filters",
        ja: "条件に合うすべてのカードを選択",
    }
    bulk_set_limit: &'static str {
        en: "Set this limit",
        ja: "この上限を設定",
    }
    bulk_title: &'static str {
        en: "Act on the selected cards",
        ja: "選択したカードの操作",
    }
    cardholder_name: &'static str {
        en: "Cardholder name",
        ja: "カード保有者名",
    }
    select_page: &'static str {
        en: "Select the cards of this page",
        ja: "このページのカードを選択",
    }
    bulk_selected: fn(usize) -> String {
        en: |n| if n == 1 { "1 card selected.".to_owned() } else { format!("{n} cards selected.") },
        ja: |n| format!("{n}枚のカードを選択しています。"),
    }
    /// Done so far, of how many.
    bulk_progress: fn(usize, usize) -> String {
        en: |done, total| format!("{done} of {total} cards done"),
        ja: |done, total| format!("{total}枚中{done}枚が完了"),
    }
    /// Cards changed, cards that failed.
    bulk_summary: fn(usize, usize) -> String {
        en: |ok, failed| match failed { 0 => format!("Done: {ok} changed."), _ => format!("{ok} changed, {failed} failed.") },
        ja: |ok, failed| match failed { 0 => format!("完了：{ok}枚を変更しました。"), _ => format!("{ok}枚を変更、{failed}枚は失敗しました。") },
    }
    /// A card by its holder and last four digits.
    select_card: fn(&str) -> String {
        en: |card| format!("Select {card}"),
        ja: |card| format!("{card} を選択"),
    }
    audit_cardholder_created: fn(&str) -> String {
        en: |name| format!("Created the cardholder {name}"),
        ja: |name| format!("カード保有者「{name}」を作成"),
    }
    /// The fields edited, listed in the reader's language.
    audit_cardholder_edited: fn(&str) -> String {
        en: |fields| format!("Edited: {fields}"),
        ja: |fields| format!("編集：{fields}"),
    }
    /// A cardholder's field by its parameter name.
    cardholder_field: fn(&str) -> String {
        en: |f| match f { "email" => "email", "phone_number" => "phone number", "billing" => "billing address", "individual" => "legal name and date of birth", "status" => "status", "spending_controls" => "spending controls", "preferred_locales" => "languages", other => other }.to_owned(),
        ja: |f| match f { "email" => "メールアドレス", "phone_number" => "電話番号", "billing" => "請求先住所", "individual" => "氏名と生年月日", "status" => "状態", "spending_controls" => "利用制限", "preferred_locales" => "言語", other => other }.to_owned(),
    }
    /// "Virtual" or "Physical", as the card type's word.
    audit_card_issued: fn(&str) -> String {
        en: |kind| format!("Issued a card ({kind})"),
        ja: |kind| format!("カードを発行（{kind}）"),
    }
    /// The replaced card's id, and the reason in words.
    audit_card_replaced: fn(&str, &str) -> String {
        en: |old, reason| format!("Replaced {old} ({reason})"),
        ja: |old, reason| format!("{old} を再発行（{reason}）"),
    }
    /// Shipping statuses in words.
    audit_shipping_moved: fn(&str, &str) -> String {
        en: |from, to| format!("Shipment: {from} → {to}"),
        ja: |from, to| format!("配送：{from} → {to}"),
    }
    audit_shipping_to: fn(&str) -> String {
        en: |to| format!("Shipment marked {to}"),
        ja: |to| format!("配送を「{to}」に変更"),
    }
    shipping_status: fn(&str) -> String {
        en: |s| match s { "pending" => "Preparing", "submitted" => "Submitted", "shipped" => "Shipped", "delivered" => "Delivered", "returned" => "Returned", "failure" => "Delivery failed", "canceled" => "Canceled", other => other }.to_owned(),
        ja: |s| match s { "pending" => "準備中", "submitted" => "手配済み", "shipped" => "発送済み", "delivered" => "配達済み", "returned" => "返送", "failure" => "配達失敗", "canceled" => "キャンセル", other => other }.to_owned(),
    }
    replacement_reason: fn(&str) -> String {
        en: |r| match r { "lost" => "lost", "stolen" => "stolen", "damaged" => "damaged", "expired" => "expired", "fulfillment_error" => "fulfillment error", other => other }.to_owned(),
        ja: |r| match r { "lost" => "紛失", "stolen" => "盗難", "damaged" => "破損", "expired" => "期限切れ", "fulfillment_error" => "製造の不備", other => other }.to_owned(),
    }
    audit_controls_changed: &'static str {
        en: "Changed the spending controls",
        ja: "利用制限を変更",
    }
    audit_controls_unchanged: &'static str {
        en: "Saved the spending controls without a change",
        ja: "利用制限を変更なしで保存",
    }
    audit_status_change: fn(&str, &str) -> String {
        en: |from, to| format!("Status: {from} → {to}"),
        ja: |from, to| format!("状態：{from} → {to}"),
    }
    audit_status_to: fn(&str) -> String {
        en: |to| format!("Status set to {to}"),
        ja: |to| format!("状態を{to}に設定"),
    }
    audit_reason: fn(&str) -> String {
        en: |reason| format!("reason: {reason}"),
        ja: |reason| format!("理由：{reason}"),
    }
    audit_token_granted: fn(&str) -> String {
        en: |max| format!("Granted a test token for up to {max}"),
        ja: |max| format!("上限 {max} のテストトークンを付与"),
    }
    audit_token_charged: fn(&str) -> String {
        en: |amount| format!("Charged {amount}"),
        ja: |amount| format!("{amount} を請求"),
    }
    audit_purchase: fn(&str, &str) -> String {
        en: |amount, category| format!("Simulated a purchase of {amount} ({category})"),
        ja: |amount, category| format!("{amount} の購入をシミュレーション（{category}）"),
    }
    audit_purchase_approved: &'static str {
        en: "approved",
        ja: "承認",
    }
    audit_purchase_declined: &'static str {
        en: "declined",
        ja: "拒否",
    }
    export_csv: &'static str {
        en: "Export CSV",
        ja: "CSV を書き出す",
    }
    exporting: &'static str {
        en: "Exporting…",
        ja: "書き出し中…",
    }
    export_failed: fn(&str) -> String {
        en: |e| format!("The export failed: {e}"),
        ja: |e| format!("書き出しに失敗しました：{e}"),
    }

    // The sandbox's stand-in for Stripe's card frames.
    sandbox_footer: &'static str {
        en: "Stripe sandbox: test data only",
        ja: "Stripe サンドボックス：テストデータのみ",
    }
    show_numbers: &'static str {
        en: "Show numbers",
        ja: "番号を表示",
    }
    hide_numbers: &'static str {
        en: "Hide numbers",
        ja: "番号を隠す",
    }
}
