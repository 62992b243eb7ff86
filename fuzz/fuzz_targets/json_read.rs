//! The kartan JSON reader never panics; what it reads writes back and reads again to
//! the same portfolio.
#![no_main]

use kartan::io::json::{from_slice, from_str, to_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(portfolio) = from_slice(data) {
        let text = to_string(&portfolio);
        let again = from_str(&text).expect("written kartan JSON reads back");
        assert_eq!(portfolio, again, "kartan JSON round trip changed the portfolio");
    }
});
