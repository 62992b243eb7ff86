//! The kartan JSON reader never panics; what it reads writes back and reads again to
//! the same portfolio; and its two readers (the plain one of the native build, the tree
//! one of the WebAssembly build and of every error) refuse the same texts and read the
//! same portfolios.
#![no_main]

use kartan::io::json::{from_slice, from_str, read_tree, to_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let plain = serde_json::from_str::<kartan::Portfolio>(text).ok();
        let tree = read_tree(text).ok();
        assert_eq!(plain, tree, "the plain and the tree reader disagree");
    }
    if let Ok(portfolio) = from_slice(data) {
        let text = to_string(&portfolio);
        let again = from_str(&text).expect("written kartan JSON reads back");
        assert_eq!(portfolio, again, "kartan JSON round trip changed the portfolio");
    }
});
