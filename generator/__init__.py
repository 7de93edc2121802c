"""sopgen: publish Standard Operating Procedures (Permen PAN-RB 35/2012) from YAML files.

The data flows through one module per stage, top to bottom:
``load`` (YAML with positions) -> ``model`` (pydantic) -> ``validate`` (across files)
-> ``render`` (pure, returns text) -> ``write`` (the only module that touches the site).
``cli`` and ``plugin`` are thin shells over these stages.
"""

__version__ = "0.1.0"
