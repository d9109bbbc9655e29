from dataclasses import dataclass, field


@dataclass(order=True)
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    sort_index: float = field(init=False, repr=False)
    name: str = ""
    unit_price: float = 0.0
    quantity_on_hand: int = 0

    def __post_init__(self):
        self.sort_index = self.unit_price

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand


items = [InventoryItem("widget", 3.0, 10), InventoryItem("gadget", 1.5, 4), InventoryItem("doohickey", 9.99)]
for item in sorted(items):
    print(item, f"{item.total_cost():.2f}")
print(InventoryItem.__doc__)


@dataclass
class Deck:
    cards: list = field(default_factory=list)
    owner: str = "house"

    def draw(self):
        return self.cards.pop()


d1, d2 = Deck(), Deck([1, 2, 3], owner="ada")
d1.cards.append("ace")
print(d1, d2, d2.draw(), d2, Deck() == Deck([]))


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def distance(self, other: "Point") -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


a, b = Point(0, 0), Point(3, 4)
print(a.distance(b), {a: "origin"}[Point(0.0, 0.0)], a == Point(0, 0))
print(sorted({Point(1, 2), Point(1, 2), Point(0, 1)}, key=lambda p: (p.x, p.y)))
