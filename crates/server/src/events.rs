//! Accepted webhook events, on their way to the panel: deduplicated by id (Stripe delivers at
//! least once), kept for a while so a panel that (re)connects sees what it missed, broadcast to
//! live streams, and shown only to operators who may see the account each happened on.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use issuing_model::{AccountAccess, Event, OperatorProfile};
use tokio::sync::broadcast;

/// Event ids remembered for deduplication (Stripe retries for days; memory is bounded).
const SEEN_CAPACITY: usize = 10_000;
/// Events kept for panels that connect later.
const RECENT_CAPACITY: usize = 200;
/// How long a stream ticket may wait to be used.
const TICKET_LIFETIME: Duration = Duration::from_secs(60);

pub struct EventHub {
    state: Mutex<HubState>,
    live: broadcast::Sender<Arc<Event>>,
}

#[derive(Default)]
struct HubState {
    seen: HashSet<String>,
    seen_order: VecDeque<String>,
    recent: VecDeque<Arc<Event>>,
    tickets: HashMap<String, (OperatorProfile, Instant)>,
}

/// Whether `operator` may see `event`: a connected account's events to those who see that
/// account; the platform's own events only to those who see every account.
pub fn visible_to(event: &Event, operator: &OperatorProfile) -> bool {
    match &event.account {
        Some(account) => operator.can_see(account),
        None => operator.accounts == AccountAccess::All,
    }
}

impl Default for EventHub {
    fn default() -> Self {
        Self {
            state: Mutex::default(),
            live: broadcast::channel(256).0,
        }
    }
}

impl EventHub {
    fn lock(&self) -> std::sync::MutexGuard<'_, HubState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes `event` unless its id was seen before; returns whether it was new.
    pub fn accept(&self, event: Event) -> bool {
        let event = Arc::new(event);
        {
            let mut state = self.lock();
            if !state.seen.insert(event.id.clone()) {
                return false;
            }
            state.seen_order.push_back(event.id.clone());
            if state.seen_order.len() > SEEN_CAPACITY {
                if let Some(old) = state.seen_order.pop_front() {
                    state.seen.remove(&old);
                }
            }
            state.recent.push_front(event.clone());
            state.recent.truncate(RECENT_CAPACITY);
        }
        // No live stream listening is fine: the event stays in `recent`.
        let _ = self.live.send(event);
        true
    }

    /// What `operator` may see of the kept events, newest first (by `created`, then arrival:
    /// deliveries come out of order).
    pub fn recent_for(&self, operator: &OperatorProfile) -> Vec<Arc<Event>> {
        let mut events: Vec<Arc<Event>> = self
            .lock()
            .recent
            .iter()
            .filter(|e| visible_to(e, operator))
            .cloned()
            .collect();
        events.sort_by_key(|e| std::cmp::Reverse(e.created));
        events
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.live.subscribe()
    }

    /// A single-use ticket that opens one stream as `operator`. Browsers' `EventSource` cannot
    /// send an `Authorization` header, and an operator token must not travel in a URL.
    pub fn issue_ticket(&self, operator: OperatorProfile) -> String {
        let ticket = format!("evtk_{}", uuid::Uuid::new_v4().simple());
        let mut state = self.lock();
        state
            .tickets
            .retain(|_, (_, issued)| issued.elapsed() < TICKET_LIFETIME);
        state
            .tickets
            .insert(ticket.clone(), (operator, Instant::now()));
        ticket
    }

    /// The operator a ticket was issued to, once, if it is still fresh.
    pub fn redeem(&self, ticket: &str) -> Option<OperatorProfile> {
        let (operator, issued) = self.lock().tickets.remove(ticket)?;
        (issued.elapsed() < TICKET_LIFETIME).then_some(operator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn the_same_event_id_is_published_once() {
        let hub = EventHub::default();
        let mut live = hub.subscribe();
        assert!(hub.accept(event("evt_1", Some("acct_a"), 1)));
        assert!(!hub.accept(event("evt_1", Some("acct_a"), 1)));
        assert!(hub.accept(event("evt_2", Some("acct_a"), 2)));
        assert_eq!(live.try_recv().unwrap().id, "evt_1");
        assert_eq!(live.try_recv().unwrap().id, "evt_2");
        assert!(live.try_recv().is_err(), "the repeat was not broadcast");
        let all = operator(AccountAccess::All);
        let ids: Vec<String> = hub.recent_for(&all).iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids, ["evt_2", "evt_1"]);
    }

    #[test]
    fn out_of_order_arrivals_are_listed_newest_first() {
        let hub = EventHub::default();
        hub.accept(event("evt_late", Some("acct_a"), 20));
        hub.accept(event("evt_early", Some("acct_a"), 10));
        let ids: Vec<String> = hub
            .recent_for(&operator(AccountAccess::All))
            .iter()
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(ids, ["evt_late", "evt_early"]);
    }

    #[test]
    fn operators_see_only_their_accounts_events() {
        let hub = EventHub::default();
        hub.accept(event("evt_a", Some("acct_a"), 1));
        hub.accept(event("evt_b", Some("acct_b"), 2));
        hub.accept(event("evt_platform", None, 3));
        let only_a = operator(AccountAccess::Only(vec!["acct_a".into()]));
        let ids: Vec<String> = hub
            .recent_for(&only_a)
            .iter()
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(ids, ["evt_a"]);
        assert_eq!(hub.recent_for(&operator(AccountAccess::All)).len(), 3);
    }

    #[test]
    fn a_ticket_opens_one_stream_only() {
        let hub = EventHub::default();
        let ticket = hub.issue_ticket(operator(AccountAccess::All));
        assert!(hub.redeem(&ticket).is_some());
        assert!(hub.redeem(&ticket).is_none());
        assert!(hub.redeem("evtk_made_up").is_none());
    }
}
