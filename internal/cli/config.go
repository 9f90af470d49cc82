package cli

import (
	"context"
)

// runConfig is `qiangxian config dump [--config FILE] […]`: the settings the
// server would run with, as a TOML file, secrets masked.
func runConfig(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "dump" {
		return e.usageErr("用法：qiangxian config dump [--config 文件] [设置参数…]", "usage: qiangxian config dump [--config FILE] [setting flags…]")
	}
	cfg, err := e.loadConfig("config dump", args[1:])
	if err != nil {
		return err
	}
	return cfg.Dump(e.stdout)
}
