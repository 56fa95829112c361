//! Accepted webhook events, on their way to the panel: stored (so deduplication by id survives
//! restarts and is shared by every instance), broadcast to this instance's live streams, and
//! shown only to operators who may see the account each happened on. Events other instances
//! received arrive through the store's fan-out and are broadcast here too, once each.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use issuing_model::{AccountAccess, Event, OperatorProfile};
use tokio::sync::broadcast;

use crate::store::{Resumed, Store, StoreResult};

/// Events listed for a panel that connects with nothing to resume from.
const RECENT: i64 = 200;
/// Events a resumed stream replays at most.
/// Events one resumed stream sends of what its reader missed; more are sent on the next.
pub const RESUME_AT_ONCE: usize = 1000;
/// Ids remembered as published here, so an event is broadcast once however it arrives.
const PUBLISHED_CAPACITY: usize = 10_000;

pub struct EventHub {
    store: Arc<Store>,
    /// This instance's name in the fan-out.
    instance: String,
    live: broadcast::Sender<Arc<Event>>,
    published: Mutex<Published>,
}

#[derive(Default)]
struct Published {
    ids: HashSet<String>,
    order: VecDeque<String>,
}

/// Whether `operator` may see `event`: a connected account's events to those who see that
/// account; the platform's own events only to those who see every account.
pub fn visible_to(event: &Event, operator: &OperatorProfile) -> bool {
    match &event.account {
        Some(account) => operator.can_see(account),
        None => operator.accounts == AccountAccess::All,
    }
}

impl EventHub {
    pub fn new(store: Arc<Store>) -> Self {
        Self {
            store,
            instance: format!("ia_{}", uuid::Uuid::new_v4().simple()),
            live: broadcast::channel(256).0,
            published: Mutex::default(),
        }
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Stores `event` (`payload`: the body as Stripe sent it) and publishes it, unless its id
    /// was received before, here or on another instance; whether it was new.
    pub async fn accept(&self, event: Event, payload: &str) -> StoreResult<bool> {
        let fresh = self
            .store
            .insert_event(&event, payload, &self.instance)
            .await?;
        if fresh {
            self.publish(event);
        }
        Ok(fresh)
    }

    /// Broadcasts `event` to this instance's streams, unless it already was.
    pub fn publish(&self, event: Event) -> bool {
        {
            let mut published = self.published.lock().unwrap_or_else(|e| e.into_inner());
            if !published.ids.insert(event.id.clone()) {
                return false;
            }
            published.order.push_back(event.id.clone());
            if published.order.len() > PUBLISHED_CAPACITY {
                if let Some(old) = published.order.pop_front() {
                    published.ids.remove(&old);
                }
            }
        }
        // No live stream listening is fine: the event is in the store.
        let _ = self.live.send(Arc::new(event));
        true
    }

    /// What `operator` may see of the latest events, newest first.
    pub async fn recent_for(&self, operator: &OperatorProfile) -> StoreResult<Vec<Event>> {
        self.store.recent_events(operator, RECENT).await
    }

    /// What `operator` may see of the events received after `last`, oldest first; `None`
    /// when `last` is unknown.
    pub async fn after(
        &self,
        last: &str,
        operator: &OperatorProfile,
    ) -> StoreResult<Option<Resumed>> {
        self.store
            .events_after(last, operator, RESUME_AT_ONCE as i64)
            .await
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.live.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Database;
    use issuing_model::wire::payments::EventData;
    use issuing_model::Role;

    fn event(id: &str, account: Option<&str>, created: i64) -> Event {
        Event {
            id: id.into(),
            object: "event".into(),
            account: account.map(str::to_owned),
            api_version: None,
            created,
            data: EventData {
                previous_attributes: None,
                object: serde_json::json!({ "id": "spt_1" }),
            },
            livemode: false,
            pending_webhooks: 0,
            request: None,
            kind: "shared_payment.granted_token.used".into(),
        }
    }

    fn operator(accounts: AccountAccess) -> OperatorProfile {
        OperatorProfile {
            id: "op".into(),
            name: "Op".into(),
            role: Role::Editor,
            accounts,
            reveal_card_numbers: true,
        }
    }

    async fn hub() -> EventHub {
        EventHub::new(Arc::new(Store::open(&Database::Temporary).await.unwrap()))
    }

    async fn accept(hub: &EventHub, event: Event) -> bool {
        let payload = serde_json::to_string(&event).unwrap();
        hub.accept(event, &payload).await.unwrap()
    }

    fn ids(events: &[Event]) -> Vec<&str> {
        events.iter().map(|e| e.id.as_str()).collect()
    }

    #[tokio::test]
    async fn the_same_event_id_is_published_once() {
        let hub = hub().await;
        let mut live = hub.subscribe();
        assert!(accept(&hub, event("evt_1", Some("acct_a"), 1)).await);
        assert!(!accept(&hub, event("evt_1", Some("acct_a"), 1)).await);
        assert!(accept(&hub, event("evt_2", Some("acct_a"), 2)).await);
        assert_eq!(live.try_recv().unwrap().id, "evt_1");
        assert_eq!(live.try_recv().unwrap().id, "evt_2");
        assert!(live.try_recv().is_err(), "the repeat was not broadcast");
        let all = operator(AccountAccess::All);
        assert_eq!(
            ids(&hub.recent_for(&all).await.unwrap()),
            ["evt_2", "evt_1"]
        );
        assert!(
            !hub.publish(event("evt_2", Some("acct_a"), 2)),
            "an event heard of again from another instance is not broadcast twice"
        );
    }

    #[tokio::test]
    async fn out_of_order_arrivals_are_listed_newest_first() {
        let hub = hub().await;
        accept(&hub, event("evt_late", Some("acct_a"), 20)).await;
        accept(&hub, event("evt_early", Some("acct_a"), 10)).await;
        let recent = hub.recent_for(&operator(AccountAccess::All)).await.unwrap();
        assert_eq!(ids(&recent), ["evt_late", "evt_early"]);
    }

    #[tokio::test]
    async fn operators_see_only_their_accounts_events() {
        let hub = hub().await;
        accept(&hub, event("evt_a", Some("acct_a"), 1)).await;
        accept(&hub, event("evt_b", Some("acct_b"), 2)).await;
        accept(&hub, event("evt_platform", None, 3)).await;
        let only_a = operator(AccountAccess::Only(vec!["acct_a".into()]));
        assert_eq!(ids(&hub.recent_for(&only_a).await.unwrap()), ["evt_a"]);
        let all = operator(AccountAccess::All);
        assert_eq!(hub.recent_for(&all).await.unwrap().len(), 3);
        let nobody = operator(AccountAccess::Only(vec![]));
        assert!(hub.recent_for(&nobody).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_feed_resumes_after_the_last_event_it_showed() {
        let hub = hub().await;
        accept(&hub, event("evt_0", Some("acct_a"), 100)).await;
        // Stored, but never broadcast here: as if it arrived while the feed was away.
        let missed = event("evt_1", Some("acct_a"), 90);
        let payload = serde_json::to_string(&missed).unwrap();
        hub.store
            .insert_event(&missed, &payload, "ia_other")
            .await
            .unwrap();
        accept(&hub, event("evt_2", Some("acct_b"), 80)).await;
        let only_a = operator(AccountAccess::Only(vec!["acct_a".into()]));
        let after = hub.after("evt_0", &only_a).await.unwrap().unwrap();
        assert!(!after.more);
        assert_eq!(
            ids(&after.events),
            ["evt_1"],
            "what came after, of the operator's accounts"
        );
        assert!(hub.after("evt_unknown", &only_a).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn a_ticket_opens_one_stream_only() {
        let store = Store::open(&Database::Temporary).await.unwrap();
        let ticket = store
            .issue_ticket(&operator(AccountAccess::All))
            .await
            .unwrap();
        assert_eq!(
            store.redeem_ticket(&ticket).await.unwrap().map(|o| o.id),
            Some("op".to_owned())
        );
        assert!(store.redeem_ticket(&ticket).await.unwrap().is_none());
        assert!(store.redeem_ticket("evtk_made_up").await.unwrap().is_none());
    }
}
