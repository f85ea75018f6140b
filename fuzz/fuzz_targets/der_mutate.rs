//! The full analysis, driven by a mutator that changes DER element by element (lengths, tags,
//! duplicated, removed, truncated and deeper-nested elements, also inside extension values)
//! and re-encodes lengths, so inputs stay certificates long enough to reach the extensions.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| certscope_fuzz::analyze(data));

libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    certscope_fuzz::mutate_in_place(data, size, max_size, seed, |data, size, max_size| {
        libfuzzer_sys::fuzzer_mutate(data, size, max_size)
    })
});
