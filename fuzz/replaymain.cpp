// Corpus replay for a fuzz target without libFuzzer (the dev tree's g++ build, under ASan/UBSan): feeds
// every file of the given folders (or files) to LLVMFuzzerTestOneInput once, then, with --mutate N, N
// deterministic variants of each (bytes flipped, cut, repeated, spliced with another file; fixed seed),
// so the short ctest run explores around the corpus and not only the corpus itself. A crash aborts
// with the sanitizer report and the name of the input (and the variant) on stderr.
//
//   fuzz_pullpage_replay [--mutate N] [--seed S] DIR_OR_FILE...

#include "fuzz/fuzz.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace {

std::vector<std::uint8_t> readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void feed(const std::vector<std::uint8_t> &bytes)
{
    // A copy in its own allocation, so ASan sees reads past the end of the input.
    std::vector<std::uint8_t> copy(bytes);
    LLVMFuzzerTestOneInput(copy.empty() ? nullptr : copy.data(), copy.size());
}

std::vector<std::uint8_t> mutate(
    std::vector<std::uint8_t> b, const std::vector<std::uint8_t> &other, std::mt19937 &rng)
{
    const int steps = 1 + int(rng() % 4);
    for (int s = 0; s < steps; ++s) {
        const size_t n = b.size();
        switch (rng() % 7) {
        case 0: // flip one bit
            if (n)
                b[rng() % n] ^= std::uint8_t(1u << (rng() % 8));
            break;
        case 1: // an interesting byte
            if (n) {
                static const std::uint8_t bytes[]
                    = {0, 0xff, 0x7f, 0x80, '"', '\\', ',', '\n', '{', '}', '[', ']', ':', '-', '9'};
                b[rng() % n] = bytes[rng() % sizeof bytes];
            }
            break;
        case 2: // cut the tail
            if (n)
                b.resize(rng() % n);
            break;
        case 3: // erase a run
            if (n > 1) {
                const size_t at = rng() % n;
                b.erase(b.begin() + long(at), b.begin() + long(std::min(n, at + 1 + rng() % 64)));
            }
            break;
        case 4: // repeat a run
            if (n > 1 && n < (1u << 22)) {
                const size_t at = rng() % n;
                const size_t len = std::min(n - at, size_t(1 + rng() % 256));
                std::vector<std::uint8_t> run(b.begin() + long(at), b.begin() + long(at + len));
                b.insert(b.begin() + long(at), run.begin(), run.end());
            }
            break;
        case 5: // splice with another input
            if (!other.empty()) {
                const size_t at = n ? rng() % n : 0;
                const size_t from = rng() % other.size();
                b.resize(at);
                b.insert(b.end(), other.begin() + long(from), other.end());
            }
            break;
        default: // overwrite a run with random bytes
            if (n) {
                const size_t at = rng() % n;
                for (size_t i = at; i < std::min(n, at + 1 + rng() % 16); ++i)
                    b[i] = std::uint8_t(rng());
            }
        }
    }
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    int mutations = 0;
    unsigned seed = 20261122;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--mutate") == 0 && i + 1 < argc)
            mutations = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = unsigned(std::strtoul(argv[++i], nullptr, 10));
        else if (std::filesystem::is_directory(argv[i])) {
            for (const auto &entry : std::filesystem::directory_iterator(argv[i])) {
                if (entry.is_regular_file())
                    inputs.push_back(entry.path());
            }
        } else
            inputs.emplace_back(argv[i]);
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s [--mutate N] [--seed S] DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    std::vector<std::vector<std::uint8_t>> corpus;
    for (const auto &path : inputs) {
        corpus.push_back(readFile(path));
        std::fprintf(stderr, "replay %s (%zu bytes)\n", path.c_str(), corpus.back().size());
        feed(corpus.back());
    }
    std::mt19937 rng(seed);
    for (size_t i = 0; i < corpus.size(); ++i) {
        for (int m = 0; m < mutations; ++m) {
            const auto variant = mutate(corpus[i], corpus[rng() % corpus.size()], rng);
            // The variants are deterministic: after a crash, run again with ROUNDS_FUZZ_VERBOSE=1 to
            // see which input and variant it was (printed before each run).
            if (std::getenv("ROUNDS_FUZZ_VERBOSE"))
                std::fprintf(stderr, "variant %d of %s\n", m, inputs[i].c_str());
            feed(variant);
        }
    }
    std::fprintf(stderr, "%zu inputs and %zu variants ran without a crash (seed %u)\n", corpus.size(),
        corpus.size() * size_t(mutations), seed);
    return 0;
}
