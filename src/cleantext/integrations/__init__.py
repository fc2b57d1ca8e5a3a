"""cleantext inside the engines that run pipelines beyond one machine.

* :mod:`cleantext.integrations.datatrove`: :class:`~cleantext.integrations.datatrove.CleantextExtractor`,
  a datatrove pipeline step (extra ``datatrove``; runs on datatrove's local, Slurm and Ray executors);
* :mod:`cleantext.integrations.dask`: :func:`~cleantext.integrations.dask.clean_bag` and
  :func:`~cleantext.integrations.dask.clean_dataframe` (extra ``dask``).

Each module imports its engine when it is imported; a missing engine raises
:class:`~cleantext.batch.io.MissingExtraError` naming the extra to install. See docs/distributed.md.
"""
