//! The IATI reader never panics, in either mode; what it imports exports to XML that
//! imports again without a fatal error.
#![no_main]

use kartan::io::iati::{from_slice, to_iati_string, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = from_slice(data, &ImportOptions::new().strict(true));
    if let Ok((portfolio, _report)) = from_slice(data, &ImportOptions::new()) {
        let xml = to_iati_string(&portfolio);
        let again = from_slice(xml.as_bytes(), &ImportOptions::new());
        assert!(again.is_ok(), "exported XML does not import: {:?}\n{xml}", again.err());
    }
});
