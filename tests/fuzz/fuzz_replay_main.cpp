// Driver for the fuzz targets when they are not built with -fsanitize=fuzzer: it feeds every
// file of the target's corpus folder, then a bounded number of deterministic mutations of them,
// so CTest runs each target on every build and a crash found once stays found.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    std::vector<std::string> corpus;
    for (int index = 1; index < argc; ++index) {
        const std::filesystem::path path(argv[index]);
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::directory_iterator(path)) {
                std::ifstream in(entry.path(), std::ios::binary);
                corpus.emplace_back(std::istreambuf_iterator<char>(in),
                                    std::istreambuf_iterator<char>());
            }
        } else {
            std::ifstream in(path, std::ios::binary);
            corpus.emplace_back(std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>());
        }
    }
    if (corpus.empty())
        corpus.emplace_back();

    for (const std::string &input : corpus)
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.data()), input.size());

    // Fixed seed: a failure here reproduces on every machine.
    std::mt19937 random(20261123);
    constexpr int mutationsPerInput = 2000;
    for (const std::string &seed : corpus) {
        for (int round = 0; round < mutationsPerInput; ++round) {
            std::string input = seed;
            const int edits = 1 + static_cast<int>(random() % 8);
            for (int edit = 0; edit < edits; ++edit) {
                const std::size_t position = input.empty() ? 0 : random() % (input.size() + 1);
                switch (random() % 4) {
                case 0: // flip a byte
                    if (!input.empty() && position < input.size())
                        input[position] = static_cast<char>(random() & 0xff);
                    break;
                case 1: // insert a byte
                    input.insert(input.begin() + static_cast<std::ptrdiff_t>(position),
                                 static_cast<char>(random() & 0xff));
                    break;
                case 2: // cut a range
                    if (position < input.size())
                        input.erase(position, 1 + random() % 16);
                    break;
                default: // truncate
                    input.resize(position);
                    break;
                }
            }
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.data()),
                                   input.size());
        }
    }
    std::cout << "fuzz replay: " << corpus.size() << " inputs, "
              << corpus.size() * mutationsPerInput << " mutations, no crash\n";
    return 0;
}
