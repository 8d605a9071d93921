#include "models/kpis/interner.h"

namespace rounds::kpi {

Interner::Interner(std::size_t expected)
{
    std::size_t n = 16;
    while (n < expected * 2)
        n *= 2;
    m_slots.assign(n, Slot {});
}

void Interner::grow()
{
    std::vector<Slot> table(m_slots.size() * 2, Slot {});
    for (const Slot &slot : m_slots) {
        if (slot.id < 0)
            continue;
        const std::size_t h = hash(at(slot.id));
        std::size_t i = h & (table.size() - 1);
        while (table[i].id >= 0)
            i = (i + 1) & (table.size() - 1);
        table[i] = Slot {std::uint32_t(h), slot.id};
    }
    m_slots.swap(table);
}

} // namespace rounds::kpi
