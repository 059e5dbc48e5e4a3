// Rankings check whether the band counts were written after the most recent load: the latest
// load's time is read from this index instead of every LoadRun.
// params: none
CREATE INDEX load_run_finished_at IF NOT EXISTS FOR (n:LoadRun) ON (n.finished_at)
