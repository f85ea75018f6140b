//! The lenient decoding path: certificates, CRLs, requests, keys and PKCS#12 files the strict
//! decoder refuses, read field by field, then linted; keys and PKCS#12 files also through the
//! input parser. Driven by the DER-aware mutator, whose changes (long-form
//! lengths, altered tags and contents) are what the lenient path reads.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::lenient(data));

libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    certscope_fuzz::mutate_in_place(data, size, max_size, seed, |data, size, max_size| {
        libfuzzer_sys::fuzzer_mutate(data, size, max_size)
    })
});
