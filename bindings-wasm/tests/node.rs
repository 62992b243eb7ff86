//! wasm-bindgen tests, run in Node by `cargo test --target wasm32-unknown-unknown -p kartan-wasm`
//! (the runner is set in `.cargo/config.toml`). They check that the JS faces of the calls
//! behave: errors arrive as JS `Error` objects with the core's message, and the module
//! stays usable after one.
#![cfg(target_arch = "wasm32")]

use kartan_wasm::JsPortfolio;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const MINIMAL: &str = r#"{"format":"kartan/1","default_language":"sv","program":{"id":"P","title":{"sv":"Program"}}}"#;

/// The JS `Error` a failed call throws, and its message.
fn message(err: impl Into<JsValue>) -> String {
    let value: JsValue = err.into();
    let error = value.dyn_into::<js_sys::Error>().expect("a JS Error object");
    String::from(error.message())
}

/// `data` as a JS `Uint8Array`, as a file picker gives it.
fn bytes(data: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(data).into()
}

#[wasm_bindgen_test]
fn reads_and_writes_kartan_json() {
    let p = JsPortfolio::from_json(MINIMAL.into()).unwrap();
    assert_eq!(p.inner().program.id, "P");
    let again = JsPortfolio::from_json(p.to_json().into()).unwrap();
    assert_eq!(again.inner(), p.inner());
}

#[wasm_bindgen_test]
fn json_errors_are_js_errors_with_the_core_message() {
    let text = MINIMAL.replace(r#""id":"P""#, r#""id":"P","colour":"red""#);
    let core = kartan::io::json::from_str(&text).unwrap_err().to_string();
    let err = JsPortfolio::from_json(text.as_str().into()).unwrap_err();
    let msg = message(err);
    assert_eq!(msg, core);
    assert!(msg.contains("at /program/colour: unknown field `colour`"), "{msg}");
    // The module is still usable after a failed call.
    assert_eq!(JsPortfolio::from_json(MINIMAL.into()).unwrap().inner().program.id, "P");
}

#[wasm_bindgen_test]
fn bad_bytes_are_refused_with_the_file_name() {
    let empty = message(JsPortfolio::from_bytes(bytes(b""), "empty.json".into()).unwrap_err());
    let core = kartan::io::load_bytes(b"", std::path::Path::new("empty.json")).unwrap_err().to_string();
    assert_eq!(empty, core);
    assert!(empty.starts_with("empty.json: unrecognised content: expected kartan JSON"), "{empty}");
    let truncated = message(JsPortfolio::from_bytes(bytes(&MINIMAL.as_bytes()[..40]), "cut.json".into()).unwrap_err());
    assert!(truncated.starts_with("cut.json:1:"), "{truncated}");
    let mut bad = MINIMAL.as_bytes().to_vec();
    bad[50] = 0xFF;
    let not_utf8 = message(JsPortfolio::from_bytes(bytes(&bad), JsValue::UNDEFINED).unwrap_err());
    assert_eq!(not_utf8, "portfolio: not UTF-8: invalid byte sequence at byte 50 (line 1); kartan JSON must be UTF-8");
    assert!(JsPortfolio::from_bytes(bytes(MINIMAL.as_bytes()), JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
fn validate_needs_a_calendar_date() {
    let p = JsPortfolio::from_json(MINIMAL.into()).unwrap();
    let msg = message(p.validate("2026-02-30".into()).unwrap_err());
    assert_eq!(msg, r#"invalid asOf "2026-02-30": expected a date as YYYY-MM-DD"#);
    assert!(p.validate("2026-11-29".into()).is_ok());
}

#[wasm_bindgen_test]
fn navigation_returns_plain_objects() {
    let p = JsPortfolio::from_json(MINIMAL.into()).unwrap();
    let program: JsValue = p.program().unwrap().into();
    let id = js_sys::Reflect::get(&program, &"id".into()).unwrap();
    assert_eq!(id.as_string().as_deref(), Some("P"));
    let title = js_sys::Reflect::get(&program, &"title".into()).unwrap();
    // A Text is a plain object keyed by language, not a Map.
    assert_eq!(js_sys::Reflect::get(&title, &"sv".into()).unwrap().as_string().as_deref(), Some("Program"));
    assert!(p.indicator("nope".into()).unwrap().is_undefined());
    assert_eq!(js_sys::Array::from(&p.projects().unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn wrong_argument_types_are_errors_not_traps() {
    let msg = message(JsPortfolio::from_json(JsValue::from_f64(42.0)).unwrap_err());
    assert_eq!(msg, "text must be a string, Uint8Array or ArrayBuffer, not number");
    let msg = message(JsPortfolio::from_bytes("{}".into(), JsValue::UNDEFINED).unwrap_err());
    assert_eq!(msg, "bytes must be a Uint8Array or ArrayBuffer, not string");
    let msg = message(JsPortfolio::from_bytes(bytes(MINIMAL.as_bytes()), JsValue::from_f64(1.0)).unwrap_err());
    assert_eq!(msg, "name must be a string or undefined, not number");
    let p = JsPortfolio::from_json(MINIMAL.into()).unwrap();
    assert_eq!(message(p.validate(JsValue::NULL).unwrap_err()), "asOf must be a string, not null");
    // An ArrayBuffer is read like a Uint8Array.
    let buffer = js_sys::Uint8Array::from(MINIMAL.as_bytes()).buffer();
    assert!(JsPortfolio::from_bytes(buffer.into(), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn json_errors_carry_their_place() {
    let err: JsValue =
        JsPortfolio::from_json("{\n\"format\": \"kartan/1\",\n\"program\": {\"id\": 7}}".into()).unwrap_err();
    let get = |key: &str| js_sys::Reflect::get(&err, &key.into()).unwrap();
    assert_eq!(get("line").as_f64(), Some(3.0));
    assert_eq!(get("pointer").as_string().as_deref(), Some("/program/id"));
    let err: JsValue = JsPortfolio::from_json(MINIMAL.replace("kartan/1", "kartan/2").as_str().into()).unwrap_err();
    assert_eq!(js_sys::Reflect::get(&err, &"pointer".into()).unwrap().as_string().as_deref(), Some("/format"));
    assert!(js_sys::Reflect::get(&err, &"line".into()).unwrap().is_undefined());
}

#[wasm_bindgen_test]
fn table_errors_are_the_core_messages() {
    let mapping = "[columns]\nid = \"Id\"\ntitle = \"Name\"\n";
    let csv = "id,name\nP1,a\n";
    let core = kartan::io::table::portfolio_from_bytes(csv.as_bytes(), "table.csv", mapping, "mapping.toml")
        .unwrap_err()
        .to_string();
    let msg = message(JsPortfolio::from_table(csv.into(), mapping.into(), JsValue::UNDEFINED).unwrap_err());
    assert_eq!(msg, core);
    assert!(msg.starts_with("table.csv: the mapping's columns.id names column \"Id\""), "{msg}");
    let ok = JsPortfolio::from_table("Id,Name\nP1,a\n".into(), mapping.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(ok.inner().projects[0].id, "P1");
    assert!(ok.table_report().unwrap().is_object());
}

#[wasm_bindgen_test]
fn objects_round_trip_and_edits_name_the_pointer() {
    let p = JsPortfolio::from_json(MINIMAL.into()).unwrap();
    let mut again = JsPortfolio::from_object(p.to_object().unwrap()).unwrap();
    assert_eq!(again.inner(), p.inner());
    let project = js_sys::JSON::parse(r#"{"id":"P1","title":{"sv":"Ett"}}"#).unwrap();
    assert!(again.put_project(project).unwrap().is_undefined());
    assert_eq!(again.inner().projects[0].id, "P1");
    let bad = js_sys::JSON::parse(r#"{"id":"P2","title":"Två"}"#).unwrap();
    let err = again.put_project(bad).unwrap_err();
    assert_eq!(js_sys::Reflect::get(&err, &"pointer".into()).unwrap().as_string().as_deref(), Some("/title"));
    assert!(message(err).starts_with("project: at /title: invalid type"));
    assert_eq!(again.inner().projects.len(), 1, "a refused edit changes nothing");
}
