"""Running the stages: sources and settings in, editions out.

``pipeline`` builds one edition (plan, then synthesis); ``runners`` builds a batch in this
process, in local processes or on a Dask cluster; ``sync`` keeps a podcast in step with a
site's feed; ``speak`` says one text (``say``, ``normalize``). No click and no printing here.
"""
