package vn.hocso.job;

/** What a running job can tell the table: how far it is, and that it is still alive. */
public interface JobContext {

    /** Records progress (0–100) and extends the lease, so a long job is not taken by another instance. */
    void progress(int percent);
}
