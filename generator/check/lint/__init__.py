"""``sopgen lint``: is this a good SOP, by the rules of Permen PAN-RB 35/2012?

``sopgen check`` answers "can this be built"; lint answers "would a reviewer accept it".
Warnings never stop a build; ``--strict`` makes them fail the command for CI.
"""
