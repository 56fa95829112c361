//! A `<dialog>` shown modally (the browser keeps focus inside it and returns it on close).

use leptos::html::Dialog;
use leptos::prelude::*;

/// The dialog behind `node`, opened and closed as a modal.
#[derive(Clone, Copy)]
pub struct Modal(pub NodeRef<Dialog>);

impl Modal {
    pub fn new() -> Self {
        Self(NodeRef::new())
    }

    pub fn open(self) {
        if let Some(d) = self.0.get() {
            let _ = d.show_modal();
        }
    }

    /// Whether it is showing now (a `close` event may arrive after it was shown again).
    pub fn is_open(self) -> bool {
        self.0.get_untracked().is_some_and(|d| d.open())
    }

    pub fn close(self) {
        if let Some(d) = self.0.get() {
            d.close();
        }
    }
}

impl Default for Modal {
    fn default() -> Self {
        Self::new()
    }
}
