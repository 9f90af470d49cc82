package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the users area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.user.name":  {"用户名 %q 无效（1–64 个字符，不含空格）", "username %q (1–64 characters, no spaces)"},
		"store.user.scope": {"账号的角色或权限范围有误：%v", "%v"},
	})
}
