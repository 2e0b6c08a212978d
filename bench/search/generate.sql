-- 10,000 published courses (:courses), 3 modules of 4 lessons each, every lesson ~150 words of Vietnamese drawn
-- from the vocabulary of the demo courses, then their search documents (V39) built the way the importer builds them.
-- A few courses carry the phrases of issue 13 in their titles, the rest only by chance in their text.

create temporary table vocab as
select string_to_array(
    'học kỹ năng số điện thoại lừa đảo mã OTP tài khoản ngân hàng dịch vụ công trực tuyến chuyển đổi số an toàn '
    'mật khẩu tin nhắn đăng nhập xác thực hai bước ứng dụng cài đặt mạng xã hội Zalo Facebook định danh điện tử '
    'VNeID căn cước công dân khai sinh cư trú thanh toán lệ phí hồ sơ thủ tục hành chính cổng quốc gia bảo mật '
    'dữ liệu cá nhân quyền riêng tư trình duyệt tìm kiếm thư điện tử tệp đính kèm máy tính bảng wifi pin tiết kiệm '
    'cập nhật phần mềm virus mã độc đường link giả mạo cơ quan công an thuế điện lực trúng thưởng việc nhẹ lương '
    'cao chuyển tiền người thân gia đình trẻ em người cao tuổi cán bộ công chức viên chức tổ công nghệ cộng đồng '
    'thôn xã phường tỉnh thành phố hướng dẫn từng bước bài học khoá kiểm tra câu hỏi trả lời đúng sai ví dụ '
    'lưu ý cảnh giác báo cáo chặn số lạ cuộc gọi video hình ảnh camera vân tay khuôn mặt mã QR quét chụp màn hình '
    'gửi nhận tải về mở tắt bật cài chọn bấm nút trang web địa chỉ họ tên ngày sinh số điện thoại email',
    ' ')
    -- and ~2,000 more syllables of the same shape, so that a course holds hundreds of distinct words, as real ones do
    || array(select i || v || f from unnest(array['b','c','d','đ','g','h','k','l','m','n','ph','qu','s','t','th','tr','v','x']) i,
                                     unnest(array['a','ă','â','e','ê','i','o','ô','ơ','u','ư','y','oa','uy','ươ','iê']) v,
                                     unnest(array['','c','m','n','ng','nh','p','t']) f
             order by md5(i || v || f) limit 2000) as words;

-- log-uniform picks: the first (real) words are the common ones, the made-up syllables the long tail
create function pg_temp.pick_text(n int) returns text language plpgsql volatile as $$
declare
    w text[] := (select words from vocab);
    len int := array_length(w, 1);
    picked text[] := '{}';
begin
    for i in 1 .. n loop
        picked := picked || w[least(len, floor(exp(random() * ln(len)))::int)];
    end loop;
    return array_to_string(picked, ' ');
end
$$;

-- 3,000 paragraphs drawn once; each lesson takes one at random, so a course's twelve lessons hold a fresh mix of
-- them (drawing 18 million words one by one takes far longer and measures nothing more)
create temporary table paragraph as
select p, pg_temp.pick_text(150) as body from generate_series(1, 3000) p;
create temporary table heading as
select p, initcap(pg_temp.pick_text(6)) as body from generate_series(1, 3000) p;

insert into course (slug, title_vi, title_en, summary_vi, category_code, target_groups, level, status, minutes,
                    published_at)
select 'bench-' || n,
       case when n % 1000 = 1 then 'Học kỹ năng số cho mọi người ' || n
            when n % 1000 = 2 then 'Phòng tránh lừa đảo qua điện thoại ' || n
            else initcap(pg_temp.pick_text(5)) || ' ' || n end,
       'Course ' || n,
       pg_temp.pick_text(30),
       (array['ky-nang-so', 'dich-vu-cong', 'an-toan-thong-tin', 'chuyen-doi-so'])[1 + n % 4],
       array['citizen'],
       'basic',
       case when n % 50 = 0 then 'draft' else 'published' end,
       60,
       now()
from generate_series(1, :courses) n;

insert into course_module (course_id, key, title_vi, position)
select c.id, 'phan-' || m, initcap(pg_temp.pick_text(4)), m
from course c, generate_series(1, 3) m
where c.slug like 'bench-%';

insert into lesson (course_id, module_id, key, kind, title_vi, minutes, position, body_html)
select m.course_id, m.id, 'bai-' || m.position || '-' || l, 'text',
       case when l = 1 and m.course_id % 997 = 3 then 'Xác thực hai bước và mã OTP'
            else (select body from heading where p = 1 + (m.id * 7 + l * 131) % 3000) end,
       5, l, '<p>' || (select body from paragraph where p = 1 + (hashint8(m.id * 4 + l) & 2147483647) % 3000) || '</p>'
from course_module m, generate_series(1, 4) l
where m.key like 'phan-%';

select count(*) as refreshed from (select course_search_refresh(id) from course) r;
analyze;
