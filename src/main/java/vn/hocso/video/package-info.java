/** Video lessons: direct upload, transcoding jobs, presigned playback, heartbeats and watched coverage. */
package vn.hocso.video;
