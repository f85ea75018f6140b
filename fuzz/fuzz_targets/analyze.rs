//! The full analysis of one input and the report's JSON round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::analyze(data));
