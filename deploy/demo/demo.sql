-- Demo data for the local stack only (deploy/local/start runs it after the app has migrated the database; never a
-- migration, so production never sees it). Idempotent: running it again adds nothing.
-- donvi (Lê Văn Cường) administers Đà Nẵng (48) with a few of its wards; a small roster is loaded there. The roster
-- people have no sign-in yet: hocvien and donvi are linked to theirs by their verified e-mail at first sign-in.

insert into org_unit (code, name, kind, parent_id, path, valid_from)
select v.code, v.name, 'commune', p.id, '', date '2025-07-01'
from org_unit p, (values
    ('20194', 'Phường Hải Châu'),
    ('20227', 'Phường Hòa Cường'),
    ('20285', 'Phường Sơn Trà'),
    ('20305', 'Phường Ngũ Hành Sơn')) as v(code, name)
where p.code = '48' and p.valid_to is null
  and not exists (select 1 from org_unit u where u.code = v.code and u.valid_to is null);
update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.path = '';

insert into person (full_name, email, phone, unit_id, target_group, position)
select v.full_name, v.email, v.phone, u.id, v.target_group, v.position
from (values
    ('Lê Văn Cường', 'donvi@demo.hocso.vn', null, '48', 'civil-servant', 'Chuyên viên Sở Khoa học và Công nghệ'),
    ('Nguyễn Văn An', 'hocvien@demo.hocso.vn', '+84905000001', '20194', 'civil-servant', 'Công chức văn phòng'),
    ('Trần Thị Hoa', 'hoa.tran@demo.hocso.vn', '+84905000002', '20194', 'civil-servant', 'Công chức tư pháp'),
    ('Phạm Văn Minh', 'minh.pham@demo.hocso.vn', '+84905000003', '20227', 'civil-servant', 'Công chức địa chính'),
    ('Võ Thị Lan', null, '+84905000004', '20285', 'community-team', 'Tổ trưởng tổ công nghệ số'),
    ('Đặng Văn Hùng', null, null, '20305', 'community-team', 'Thành viên tổ công nghệ số')) as v(full_name, email, phone, unit_code, target_group, position)
join org_unit u on u.code = v.unit_code and u.valid_to is null
where not exists (select 1 from person p where p.full_name = v.full_name and p.unit_id = u.id);

insert into unit_admin_grant (person_id, unit_id, granted_by)
select p.id, u.id, 'demo'
from person p, org_unit u
where lower(p.email) = 'donvi@demo.hocso.vn' and u.code = '48' and u.valid_to is null
  and not exists (select 1 from unit_admin_grant g where g.person_id = p.id and g.unit_id = u.id and g.revoked_at is null)
limit 1;
