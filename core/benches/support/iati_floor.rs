//! The floor of the IATI import, shared by `benches/iati_import.rs` and
//! `examples/iati_bench.rs`: a bare quick-xml event loop that reads every event and
//! only counts elements and attributes (no decoding, no model).

use quick_xml::events::Event;
use quick_xml::Reader;

/// Reads every event of `bytes`; returns (elements, attributes).
///
/// # Panics
/// When `bytes` is not well-formed (the bench inputs are).
pub fn floor(bytes: &[u8]) -> (u64, u64) {
    let mut reader = Reader::from_reader(bytes);
    let (mut elements, mut attributes) = (0u64, 0u64);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                elements += 1;
                attributes += e.attributes().filter(Result::is_ok).count() as u64;
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
        }
    }
    (elements, attributes)
}
