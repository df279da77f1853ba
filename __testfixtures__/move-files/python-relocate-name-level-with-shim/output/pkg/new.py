from dataclasses import dataclass


@dataclass
class A:
    name: str
