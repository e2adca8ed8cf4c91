-- Video hashes: vpdq (a video's PDQ frame hashes, matched by the share of frames that match) and
-- video-md5 (the MD5 of a video file, matched exactly).

alter table hash_record drop constraint hash_record_type_check;
alter table hash_record add constraint hash_record_type_check
    check (type in ('pdq', 'md5', 'sha256', 'vpdq', 'video-md5'));

-- A vpdq record's summary, shown in lists and the change feed without reading its frames. For
-- vpdq, value is the SHA-256 of the frames in the reference's hash-file text and quality the
-- share (in %) of frames of PDQ quality 50 or more.
alter table hash_record add column frame_count integer check (frame_count > 0);
alter table hash_record add column duration double precision check (duration >= 0);
alter table hash_record add constraint hash_record_video_summary
    check ((type = 'vpdq') = (frame_count is not null) and (type = 'vpdq') = (duration is not null));

-- The frames of a vpdq record: one fixed-width bytea per record (41 bytes a frame, see
-- VideoFrames) rather than a row per frame. A replica loading its index reads one row per video;
-- a submission writes one; a page of frames is a substring of it. Stored uncompressed (PDQ
-- hashes do not compress) so that substring fetches only the chunks it covers.
create table video_frames (
    hash_id bigint primary key references hash_record (seq_id),
    frames  bytea  not null check (length(frames) > 0 and length(frames) % 41 = 0)
);
alter table video_frames alter column frames set storage external;
