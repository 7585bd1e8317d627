from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # stele:allow ADR-0001 -- type hints only: never imported at run time
    from shop.web.views import OrderView


@dataclass
class Order:
    id: int
    note: str = f"{'import shop.web'}"

    def view(self) -> OrderView:
        raise NotImplementedError
