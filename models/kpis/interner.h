#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rounds::kpi {

// Text keys (ids, days, channels) turned into dense numbers 0, 1, 2 ... in the order first seen: an
// open-addressing table over one byte arena, so the tens of thousands of HCP and visit ids of a
// period cost no allocation each (node-based maps spent most of compute()'s C++ time).
class Interner
{
public:
    explicit Interner(std::size_t expected = 16);

    // The key's number, or -1 when it was never interned.
    int find(std::string_view key) const { return m_slots[probe(key, hash(key))].id; }
    // The key's number, given the next one when it is new.
    int intern(std::string_view key)
    {
        if (2 * (m_spans.size() + 1) > m_slots.size())
            grow();
        const std::size_t h = hash(key);
        const std::size_t i = probe(key, h);
        if (m_slots[i].id >= 0)
            return m_slots[i].id;
        const int id = int(m_spans.size());
        m_spans.push_back({m_arena.size(), key.size()});
        m_arena.append(key);
        m_slots[i] = Slot {std::uint32_t(h), id};
        return id;
    }
    std::string_view at(int id) const
    {
        const auto &[offset, size] = m_spans[std::size_t(id)];
        return std::string_view(m_arena).substr(offset, size);
    }
    int size() const { return int(m_spans.size()); }

private:
    // The hash's low 32 bits are kept beside the id, so a probe that meets another key rarely reads
    // the arena (each read there is a cache miss in a table of 50,000 HCPs).
    struct Slot
    {
        std::uint32_t tag = 0;
        int id = -1;
    };

    static std::size_t hash(std::string_view key) { return std::hash<std::string_view>()(key); }
    // The slot of `key`, or the empty slot where it would go (inline: the readers call it per row).
    std::size_t probe(std::string_view key, std::size_t h) const
    {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.id < 0 || (slot.tag == std::uint32_t(h) && at(slot.id) == key))
                return i;
        }
    }
    void grow();

    std::string m_arena;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans; // (offset, size) in the arena
    std::vector<Slot> m_slots;
};

} // namespace rounds::kpi
