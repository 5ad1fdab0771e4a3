"""Web Service components: where request data enters and leaves a real-time pipeline."""
