package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/qiangxian/qiangxian/internal/demo"
)

// runDemo is `qiangxian demo generate --out DIR`: it writes the Gansu sample
// data (示例数据) of examples/gansu.
func runDemo(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "generate" {
		return e.usageErr("用法：qiangxian demo generate --out 目录", "usage: qiangxian demo generate --out DIR")
	}
	fs := e.newFlags("demo generate")
	out := fs.String("out", "", e.t("输出目录（不存在则创建）", "output folder (created if missing)"))
	if err := e.parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return e.usageErr("用法：qiangxian demo generate --out 目录", "usage: qiangxian demo generate --out DIR")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	paths, err := demo.WriteFiles(*out)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(e.stdout, p)
	}
	fmt.Fprintln(e.stdout, e.t("以上为生成的示例数据（种子 %d），不是官方统计数据。",
		"The files hold generated sample data (seed %d), not official statistics.", demo.Seed))
	return nil
}
