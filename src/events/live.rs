//! The live event stream: one `EventSource` on the server's feed, reopened by itself with
//! backoff whenever it drops (a server restart, a network blip), with a fresh ticket each time,
//! and at once when the server ends it on purpose (`event: end`: the panel fell behind a burst).
//! Events are merged by id, since the server replays what a reconnecting panel missed and
//! Stripe may deliver an event twice.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use issuing_model::Event;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{EventSource, MessageEvent};

use crate::api::ApiClient;

/// How many events the panel keeps.
const KEEP: usize = 200;
const FIRST_RETRY_MS: u32 = 500;
const LAST_RETRY_MS: u32 = 8_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedStatus {
    Connecting,
    Live,
    Reconnecting,
}

/// What the stream has brought so far (newest first), and whether it is connected.
#[derive(Clone, Copy)]
pub struct LiveEvents {
    pub events: RwSignal<Vec<Event>>,
    pub status: RwSignal<FeedStatus>,
}

/// The open source and the way to wake the loop waiting on it.
type Current = Rc<RefCell<Option<(EventSource, js_sys::Function)>>>;

/// Opens the stream for as long as the calling component lives.
pub fn use_live_events(api: ApiClient) -> LiveEvents {
    let live = LiveEvents {
        events: RwSignal::new(Vec::new()),
        status: RwSignal::new(FeedStatus::Connecting),
    };
    let stopped = Rc::new(Cell::new(false));
    let current: Current = Rc::default();
    leptos::task::spawn_local(run(api, live, stopped.clone(), current.clone()));
    let handles = SendWrapper::new((stopped, current));
    on_cleanup(move || {
        let (stopped, current) = handles.take();
        stopped.set(true);
        let open = current.borrow_mut().take();
        if let Some((source, wake)) = open {
            source.close();
            let _ = wake.call0(&JsValue::NULL);
        }
    });
    live
}

/// Adds `event` unless it is already there, newest first (by `created`, then by arrival:
/// events of the same second keep the order they came in, latest on top).
pub fn merge(events: &mut Vec<Event>, event: Event) {
    if events.iter().any(|e| e.id == event.id) {
        return;
    }
    events.insert(0, event);
    // Stable: ties keep the new one first.
    events.sort_by_key(|e| std::cmp::Reverse(e.created));
    events.truncate(KEEP);
}

async fn run(api: ApiClient, live: LiveEvents, stopped: Rc<Cell<bool>>, current: Current) {
    let mut delay = FIRST_RETRY_MS;
    // The last event the stream brought: a reopened stream starts after it, so nothing sent
    // while it was away is missed (the server may repeat a few; `merge` keeps one of each).
    let last: Rc<RefCell<Option<String>>> = Rc::default();
    let mut first = true;
    // Set when the server ended the stream on purpose (its reader fell behind, or there is
    // more to catch up on): resume at once, after the last event shown.
    let resume_now = Rc::new(Cell::new(false));
    while !stopped.get() {
        if !first && !resume_now.replace(false) {
            let _ = live.status.try_set(FeedStatus::Reconnecting);
            sleep(delay).await;
            delay = (delay * 2).min(LAST_RETRY_MS);
            if stopped.get() {
                return;
            }
        }
        first = false;
        let resume = last.borrow().clone();
        let Ok(url) = api.event_stream_url(resume.as_deref()).await else {
            continue;
        };
        let Ok(source) = EventSource::new(&url) else {
            continue;
        };
        let opened = Rc::new(Cell::new(false));
        let on_open = {
            let opened = opened.clone();
            Closure::<dyn FnMut()>::new(move || {
                opened.set(true);
                let _ = live.status.try_set(FeedStatus::Live);
            })
        };
        let seen = last.clone();
        let on_event = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let Some(text) = message.data().as_string() else {
                return;
            };
            let id = message.last_event_id();
            if !id.is_empty() {
                seen.replace(Some(id));
            }
            if let Ok(event) = serde_json::from_str::<Event>(&text) {
                let _ = live.events.try_update(|events| merge(events, event));
            }
        });
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        let _ =
            source.add_event_listener_with_callback("stripe", on_event.as_ref().unchecked_ref());
        // Resolved when the source fails; the browser's own retry is replaced by ours, which
        // fetches a new ticket (the old one was single-use).
        let mut wake = None;
        let closed = js_sys::Promise::new(&mut |resolve, _| wake = Some(resolve));
        let wake = wake.expect("the promise executor runs at once");
        let on_error = {
            let (source, wake) = (source.clone(), wake.clone());
            Closure::<dyn FnMut()>::new(move || {
                source.close();
                let _ = wake.call0(&JsValue::NULL);
            })
        };
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let on_end = {
            let (source, wake, resume_now) = (source.clone(), wake.clone(), resume_now.clone());
            Closure::<dyn FnMut()>::new(move || {
                resume_now.set(true);
                source.close();
                let _ = wake.call0(&JsValue::NULL);
            })
        };
        let _ = source.add_event_listener_with_callback("end", on_end.as_ref().unchecked_ref());
        current.replace(Some((source.clone(), wake)));
        let _ = JsFuture::from(closed).await;
        current.replace(None);
        source.set_onopen(None);
        source.set_onerror(None);
        let _ =
            source.remove_event_listener_with_callback("stripe", on_event.as_ref().unchecked_ref());
        let _ = source.remove_event_listener_with_callback("end", on_end.as_ref().unchecked_ref());
        if opened.get() {
            delay = FIRST_RETRY_MS;
        }
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
