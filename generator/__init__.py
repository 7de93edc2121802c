"""sopgen: publish Standard Operating Procedures (Permen PAN-RB 35/2012) from YAML files.

One package per stage, in the order data flows: ``source`` (YAML with positions, the
pydantic model) -> ``check`` (each SOP, then all together) -> ``render`` (pure, returns
text) -> ``write`` (the only module that touches the site). ``mkdocs`` is the one adapter
to the site engine; ``pdf`` prints built pages; ``cli`` is a thin shell over the stages.
"""

__version__ = "0.1.0"
