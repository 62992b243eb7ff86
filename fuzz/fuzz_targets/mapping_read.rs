//! The mapping readers never panic on any text, as TOML or JSON, for either mapping
//! kind; a mapping they read writes back as TOML and JSON and reads again the same.
#![no_main]

use kartan::io::table::{ProjectMapping, SurveyMapping};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(m) = ProjectMapping::from_toml(text, "m.toml") {
        if let Ok(toml) = m.to_toml() {
            assert_eq!(ProjectMapping::from_toml(&toml, "again.toml").expect("written TOML reads back"), m);
        }
    }
    if let Ok(m) = ProjectMapping::from_json(text, "m.json") {
        let json = serde_json::to_string(&m).expect("a mapping is JSON");
        assert_eq!(ProjectMapping::from_json(&json, "again.json").expect("written JSON reads back"), m);
    }
    if let Ok(m) = SurveyMapping::from_toml(text, "s.toml") {
        if let Ok(toml) = m.to_toml() {
            assert_eq!(SurveyMapping::from_toml(&toml, "again.toml").expect("written TOML reads back"), m);
        }
    }
    let _ = SurveyMapping::from_json(text, "s.json");
});
