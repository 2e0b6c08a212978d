-- Organisation units (ORG-1): a tree of any depth with history. A unit that was merged keeps its row,
-- gets valid_to and points at the unit that replaced it, so reports over 2022–2026 can map old onto new.
create table org_unit (
    id             bigint generated always as identity primary key,
    code           varchar(40)  not null,
    name           varchar(200) not null,
    kind           varchar(20)  not null
        check (kind in ('country', 'ministry', 'agency', 'province', 'commune', 'village', 'team')),
    parent_id      bigint references org_unit (id),
    -- materialised path of ids, '/1/5/23/': a subtree is one indexed prefix match
    path           varchar(400) not null,
    valid_from     date         not null default date '2022-01-01',
    valid_to       date,
    replaced_by_id bigint references org_unit (id),
    check (valid_to is null or valid_to >= valid_from),
    check (replaced_by_id is null or valid_to is not null)
);
-- a code names one current unit; former units keep their old statistical codes
create unique index org_unit_current_code on org_unit (code) where valid_to is null;
create index org_unit_parent on org_unit (parent_id);
create index org_unit_path on org_unit (path varchar_pattern_ops);
create index org_unit_replaced_by on org_unit (replaced_by_id);

insert into org_unit (code, name, kind, path, valid_from) values ('VN', 'Việt Nam', 'country', '/', date '1976-07-02');
update org_unit set path = '/' || id || '/' where code = 'VN';

-- Since 1 July 2025: 34 provinces, no district level. Each new province keeps the statistical code of the
-- former province whose name it carries (Huế: the former Thừa Thiên Huế, 46).
insert into org_unit (code, name, kind, parent_id, path, valid_from)
select v.code, v.name, 'province', vn.id, '', date '2025-07-01'
from org_unit vn, (values
    ('01', 'Thành phố Hà Nội'),
    ('08', 'Tuyên Quang'),
    ('04', 'Cao Bằng'),
    ('19', 'Thái Nguyên'),
    ('10', 'Lào Cai'),
    ('11', 'Điện Biên'),
    ('12', 'Lai Châu'),
    ('14', 'Sơn La'),
    ('25', 'Phú Thọ'),
    ('20', 'Lạng Sơn'),
    ('22', 'Quảng Ninh'),
    ('27', 'Bắc Ninh'),
    ('31', 'Thành phố Hải Phòng'),
    ('33', 'Hưng Yên'),
    ('37', 'Ninh Bình'),
    ('38', 'Thanh Hóa'),
    ('40', 'Nghệ An'),
    ('42', 'Hà Tĩnh'),
    ('45', 'Quảng Trị'),
    ('46', 'Thành phố Huế'),
    ('48', 'Thành phố Đà Nẵng'),
    ('51', 'Quảng Ngãi'),
    ('64', 'Gia Lai'),
    ('66', 'Đắk Lắk'),
    ('56', 'Khánh Hòa'),
    ('68', 'Lâm Đồng'),
    ('75', 'Đồng Nai'),
    ('72', 'Tây Ninh'),
    ('79', 'Thành phố Hồ Chí Minh'),
    ('87', 'Đồng Tháp'),
    ('86', 'Vĩnh Long'),
    ('89', 'An Giang'),
    ('92', 'Thành phố Cần Thơ'),
    ('96', 'Cà Mau')
) as v(code, name)
where vn.code = 'VN';

-- The 63 provinces before the 2025 merger, as historical units replaced by the new ones.
insert into org_unit (code, name, kind, parent_id, path, valid_from, valid_to, replaced_by_id)
select v.code, v.name, 'province', vn.id, '', date '2008-08-01', date '2025-06-30', successor.id
from org_unit vn, (values
    ('01', 'Thành phố Hà Nội', '01'),
    ('02', 'Hà Giang', '08'),
    ('04', 'Cao Bằng', '04'),
    ('06', 'Bắc Kạn', '19'),
    ('08', 'Tuyên Quang', '08'),
    ('10', 'Lào Cai', '10'),
    ('11', 'Điện Biên', '11'),
    ('12', 'Lai Châu', '12'),
    ('14', 'Sơn La', '14'),
    ('15', 'Yên Bái', '10'),
    ('17', 'Hòa Bình', '25'),
    ('19', 'Thái Nguyên', '19'),
    ('20', 'Lạng Sơn', '20'),
    ('22', 'Quảng Ninh', '22'),
    ('24', 'Bắc Giang', '27'),
    ('25', 'Phú Thọ', '25'),
    ('26', 'Vĩnh Phúc', '25'),
    ('27', 'Bắc Ninh', '27'),
    ('30', 'Hải Dương', '31'),
    ('31', 'Thành phố Hải Phòng', '31'),
    ('33', 'Hưng Yên', '33'),
    ('34', 'Thái Bình', '33'),
    ('35', 'Hà Nam', '37'),
    ('36', 'Nam Định', '37'),
    ('37', 'Ninh Bình', '37'),
    ('38', 'Thanh Hóa', '38'),
    ('40', 'Nghệ An', '40'),
    ('42', 'Hà Tĩnh', '42'),
    ('44', 'Quảng Bình', '45'),
    ('45', 'Quảng Trị', '45'),
    ('46', 'Thừa Thiên Huế', '46'),
    ('48', 'Thành phố Đà Nẵng', '48'),
    ('49', 'Quảng Nam', '48'),
    ('51', 'Quảng Ngãi', '51'),
    ('52', 'Bình Định', '64'),
    ('54', 'Phú Yên', '66'),
    ('56', 'Khánh Hòa', '56'),
    ('58', 'Ninh Thuận', '56'),
    ('60', 'Bình Thuận', '68'),
    ('62', 'Kon Tum', '51'),
    ('64', 'Gia Lai', '64'),
    ('66', 'Đắk Lắk', '66'),
    ('67', 'Đắk Nông', '68'),
    ('68', 'Lâm Đồng', '68'),
    ('70', 'Bình Phước', '75'),
    ('72', 'Tây Ninh', '72'),
    ('74', 'Bình Dương', '79'),
    ('75', 'Đồng Nai', '75'),
    ('77', 'Bà Rịa - Vũng Tàu', '79'),
    ('79', 'Thành phố Hồ Chí Minh', '79'),
    ('80', 'Long An', '72'),
    ('82', 'Tiền Giang', '87'),
    ('83', 'Bến Tre', '86'),
    ('84', 'Trà Vinh', '86'),
    ('86', 'Vĩnh Long', '86'),
    ('87', 'Đồng Tháp', '87'),
    ('89', 'An Giang', '89'),
    ('91', 'Kiên Giang', '89'),
    ('92', 'Thành phố Cần Thơ', '92'),
    ('93', 'Hậu Giang', '92'),
    ('94', 'Sóc Trăng', '92'),
    ('95', 'Bạc Liêu', '96'),
    ('96', 'Cà Mau', '96')
) as v(code, name, successor_code)
join org_unit successor on successor.code = v.successor_code and successor.valid_to is null
where vn.code = 'VN';

update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.path = '';
