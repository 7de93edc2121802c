"""The official Permen PAN-RB 35/2012 flowchart and document: layout, routing, SVG."""
