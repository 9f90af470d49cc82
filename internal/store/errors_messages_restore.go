package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the restore area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.restore.count":     {"备份文件有 %d 行数据，结束标记记载为 %d 行", "the backup has %d rows, its end mark says %d"},
		"store.restore.format":    {"不是 qiangxian 备份文件（格式 %d）：%v", "not a qiangxian backup (format %d): %v"},
		"store.restore.json":      {"备份文件格式有误：%v", "%v"},
		"store.restore.notEmpty":  {"表 %s 不为空：只能恢复到空数据库", "table %s is not empty: restore needs an empty database"},
		"store.restore.row":       {"表 %s 的一行数据有误：%v", "table %s row: %v"},
		"store.restore.rowFirst":  {"备份文件中有一行数据出现在任何表之前", "a row before any table"},
		"store.restore.schema":    {"备份的数据库结构版本为 %d，本数据库为 %d：请先迁移数据库", "the backup has schema %d, this database %d: migrate first"},
		"store.restore.table":     {"未知的表 %q 或列 %v", "unknown table %q or columns %v"},
		"store.restore.truncated": {"备份文件缺少结束标记（可能不完整）", "the backup ends without its end mark (truncated?)"},
	})
}
