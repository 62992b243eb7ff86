//! The kartan JSON reader never panics; what it reads writes back and reads again to
//! the same portfolio; and what it reads, serde_json's own reader reads alike (the tree
//! reader is stricter only in refusing a record's fields given as an array).
#![no_main]

use kartan::io::json::{from_slice, from_str, read_tree, to_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(tree) = read_tree(text) {
            let plain = serde_json::from_str::<kartan::Portfolio>(text).ok();
            assert_eq!(plain.as_ref(), Some(&tree), "serde_json reads otherwise what the tree reader read");
        }
    }
    if let Ok(portfolio) = from_slice(data) {
        let text = to_string(&portfolio);
        let again = from_str(&text).expect("written kartan JSON reads back");
        assert_eq!(portfolio, again, "kartan JSON round trip changed the portfolio");
    }
});
