//! The state file on arbitrary bytes (a shared state directory is writable
//! by others, and a full disk cuts files short). Nothing may panic, and
//! whatever is kept must write out and read back whole and the same: only
//! valid entries are ever kept.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::settings::salvage::salvage;

fuzz_target!(|data: &[u8]| {
    let found = salvage(data);
    let written = serde_json::to_vec_pretty(&found.state).expect("a state serialises");
    let again = salvage(&written);
    assert!(again.is_whole(), "{again:?}");
    assert_eq!(again.state, found.state);
});
