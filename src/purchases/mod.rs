//! What a card was used for and what its controls do with it: the spend against each limit,
//! its purchases (approved or declined, with the reason in the operator's words), a purchase to
//! simulate in test mode, and the editor's what-if of a draft over the last 30 days.

mod activity;
mod explain;
mod list;
mod simulator;
mod spending;
mod what_if;

pub use activity::{fetch_history, CardActivity};
pub use explain::{explain, standing};
pub use list::CardPurchases;
pub use simulator::PurchaseSimulator;
pub use spending::CardSpending;
pub use what_if::WhatIfReview;
