//! Reading an IATI file in segments on several threads gives exactly the one-thread
//! import: the same portfolio and report (diagnostics and their places), or the same
//! error — whatever the input and wherever the cuts fall.
#![no_main]

use kartan::io::iati::{from_slice, from_slice_in_segments, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&size, xml)) = data.split_first() else { return };
    let segment_size = 1 + usize::from(size) * 4;
    for strict in [false, true] {
        let one = from_slice(xml, &ImportOptions::new().strict(strict).threads(1));
        let many = from_slice_in_segments(xml, &ImportOptions::new().strict(strict).threads(3), segment_size);
        match (one, many) {
            (Ok(one), Ok(many)) => {
                assert_eq!(one.0, many.0, "portfolio, segment size {segment_size}, strict {strict}");
                assert_eq!(one.1, many.1, "report, segment size {segment_size}, strict {strict}");
            }
            (Err(one), Err(many)) => assert_eq!(one.to_string(), many.to_string()),
            (one, many) => panic!("one thread {:?}, three {:?}", one.err(), many.err()),
        }
    }
});
