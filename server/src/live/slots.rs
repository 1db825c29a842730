//! How many live sockets an address and a room hold, and the most they may: a socket's
//! place is taken before its upgrade and given back when it closes.

use super::Hub;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

#[derive(Default)]
pub(super) struct SocketCounts {
    per_address: HashMap<IpAddr, usize>,
    per_room: HashMap<i64, usize>,
}

/// The most sockets one address, and one room, may hold open at once.
#[derive(Debug, Clone, Copy)]
pub struct SocketCaps {
    pub per_address: usize,
    pub per_room: usize,
}

/// A socket's place in the counts, given back when the connection ends.
pub struct SocketSlot {
    hub: Arc<Hub>,
    address: IpAddr,
    room: i64,
}

impl Drop for SocketSlot {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.hub.sockets.lock() {
            release(&mut counts.per_address, &self.address);
            release(&mut counts.per_room, &self.room);
            // Added and taken away, never set: several hubs in one process (the tests) add up.
            metrics::gauge!(crate::monitoring::LIVE_SOCKETS).decrement(1.0);
            if !counts.per_room.contains_key(&self.room) {
                metrics::gauge!(crate::monitoring::LIVE_ROOMS).decrement(1.0);
            }
        }
    }
}

fn release<K: std::hash::Hash + Eq>(counts: &mut HashMap<K, usize>, key: &K) {
    if let Some(count) = counts.get_mut(key) {
        *count = count.saturating_sub(1);
        if *count == 0 {
            counts.remove(key);
        }
    }
}

impl Hub {
    /// A place for one more socket from `address` in `room`, unless either is full.
    pub fn take_slot(self: &Arc<Self>, address: IpAddr, room: i64) -> Option<SocketSlot> {
        let mut counts = self.sockets.lock().ok()?;
        let from_address = counts.per_address.get(&address).copied().unwrap_or(0);
        let in_room = counts.per_room.get(&room).copied().unwrap_or(0);
        if from_address >= self.caps.per_address || in_room >= self.caps.per_room {
            return None;
        }
        *counts.per_address.entry(address).or_default() += 1;
        *counts.per_room.entry(room).or_default() += 1;
        metrics::gauge!(crate::monitoring::LIVE_SOCKETS).increment(1.0);
        if in_room == 0 {
            metrics::gauge!(crate::monitoring::LIVE_ROOMS).increment(1.0);
        }
        Some(SocketSlot {
            hub: self.clone(),
            address,
            room,
        })
    }
}
