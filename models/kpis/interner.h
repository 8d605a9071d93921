#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rounds::kpi {

// Text keys (ids, days, channels) turned into dense numbers 0, 1, 2 ... in the order first seen.
// A std::unordered_map over views of the stored keys: the hand-made open-addressing table it replaced
// did not earn its place. rounds-bench kpis (20,000 HCPs, 200,000 visits, Release, three alternating
// rounds on the shared 2-core machine): month p50 97.2 / 101.9 / 110.2 ms with the hand-made table,
// 110.1 / 91.0 / 119.6 ms with this map (CPU 151.6 / 159.2 / 167.5 vs 170.6 / 147.0 / 185.7 ms):
// within the noise.
class Interner
{
public:
    explicit Interner(std::size_t expected = 16) { m_ids.reserve(expected); }
    Interner(const Interner &other)
        : m_keys(other.m_keys)
    {
        index();
    }
    Interner &operator=(const Interner &other)
    {
        m_keys = other.m_keys;
        index();
        return *this;
    }
    // A deque's move keeps its elements where they are, so the views stay valid.
    Interner(Interner &&) = default;
    Interner &operator=(Interner &&) = default;
    ~Interner() = default;

    // The key's number, or -1 when it was never interned.
    int find(std::string_view key) const
    {
        const auto it = m_ids.find(key);
        return it == m_ids.end() ? -1 : it->second;
    }
    // The key's number, given the next one when it is new.
    int intern(std::string_view key)
    {
        if (const auto it = m_ids.find(key); it != m_ids.end())
            return it->second;
        const std::string &stored = m_keys.emplace_back(key);
        const int id = int(m_keys.size()) - 1;
        m_ids.emplace(std::string_view(stored), id);
        return id;
    }
    std::string_view at(int id) const { return m_keys[std::size_t(id)]; }
    int size() const { return int(m_keys.size()); }

private:
    // The map of a copy views its own keys, not those of the original.
    void index()
    {
        m_ids.clear();
        m_ids.reserve(m_keys.size());
        for (std::size_t i = 0; i < m_keys.size(); ++i)
            m_ids.emplace(std::string_view(m_keys[i]), int(i));
    }

    std::deque<std::string> m_keys; // a deque: appending never moves the keys the map views
    std::unordered_map<std::string_view, int> m_ids;
};

} // namespace rounds::kpi
