use super::Texts;

pub const JA: Texts = Texts {
    brand: "カード発行管理",
    nav_sections: "セクション",
    nav_accounts: "アカウント",
    nav_events: "イベント",
    sign_out: "サインアウト",
    language: "言語",
    page_not_found: "ページが見つかりません。",
    waiting_for_host: "ホストページのサインインを待っています…",
    retry: "再試行",

    sign_in_title: "サインイン",
    sign_in_sandbox: "サンドボックスモード：操作するオペレーターを選んでください。",
    loading_operators: "オペレーターを読み込み中…",
    operators_failed: "オペレーターを読み込めませんでした。",
    role_can_edit: "編集可",
    role_read_only: "閲覧のみ",

    accounts_title: "連結アカウント",
    loading_accounts: "連結アカウントを読み込み中…",
    accounts_failed: "連結アカウントを読み込めませんでした。",
};
