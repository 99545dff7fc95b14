-- The reviewers' rejection reasons become data (reasons/): leads and editors keep them at
-- /staff/content/reasons. These are the codes the review form and the REST API have sent
-- so far; a retired code stays readable in old decisions.
create table rejection_reason (
    code              varchar(64)  primary key,
    label             varchar(200) not null,
    label_en          varchar(200) not null,
    final_by_default  boolean      not null,
    position          integer      not null,
    active            boolean      default true not null
);

insert into rejection_reason (code, label, label_en, final_by_default, position) values
    ('photo-unreadable', '照片无法辨认', 'The photo cannot be read', false, 1),
    ('name-mismatch', '姓名与证件不符', 'The name does not match the licence', false, 2),
    ('licence-invalid', '执业证书编号无效', 'The licence number is invalid', false, 3),
    ('not-hcp', '非医疗卫生专业人士', 'Not a healthcare professional', true, 4),
    ('information-incomplete', '信息不完整', 'The information is incomplete', false, 5);
