-- A published course of :lessons video lessons whose (fake) 10-minute videos are ready, for heartbeats.
insert into course (slug, title_vi, summary_vi, category_code, target_groups, level, status, published_at)
values ('bench-video', 'Khoá đo hiệu năng video', 'Bài video để đo nhịp tim.', 'ky-nang-so', '{citizen}', 'basic',
        'published', now());
insert into course_module (course_id, key, title_vi, position)
select id, 'phan-1', 'Phần 1', 0 from course where slug = 'bench-video';
insert into lesson (course_id, module_id, key, kind, title_vi, minutes, position)
select c.id, m.id, 'b-' || n, 'video', 'Bài ' || n, 10, n
from course c join course_module m on m.course_id = c.id, generate_series(1, :lessons) n
where c.slug = 'bench-video';
insert into video (lesson_id, status, source_key, prefix, duration_ms)
select l.id, 'ready', 'none', 'videos/bench/', 600000
from lesson l join course c on c.id = l.course_id where c.slug = 'bench-video';
insert into lesson_video (lesson_id, video_id) select lesson_id, id from video where prefix = 'videos/bench/';
