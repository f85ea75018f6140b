//! The first certificate's name constraints against the names of the others.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::name_constraints(data));
