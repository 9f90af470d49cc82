// Package cli is qiangxian's command line: it parses arguments, reads and
// writes files, and calls the engine. Every subcommand is listed in
// commands, top to bottom.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/qiangxian/qiangxian/internal/config"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// env is what a subcommand may touch besides its arguments.
type env struct {
	stdout, stderr io.Writer
	lang           locale.Lang
	getenv         func(string) string
}

type command struct {
	name    string
	summary [2]string // Chinese, English
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand, in the order help shows them.
var commands = []command{
	{"evaluate", [2]string{"运行评价流程并输出得分与排名", "run an evaluation and write scores and ranks"}, runEvaluate},
	{"weights", [2]string{"权重计算器：熵权法、CRITIC、层次分析法", "weight calculators: entropy, CRITIC, AHP"}, runWeights},
	{"robustness", [2]string{"不确定性与敏感性分析", "uncertainty and sensitivity analysis"}, runRobustness},
	{"mcda", [2]string{"多准则决策：TOPSIS", "multi-criteria decision analysis: TOPSIS"}, runMCDA},
	{"method", [2]string{"评价方法文件：检查（check）、从 COINr 转换（from-coinr）", "evaluation method files: check, from-coinr"}, runMethod},
	{"demo", [2]string{"生成甘肃示例数据", "generate the Gansu demo data"}, runDemo},
	{"monitor", [2]string{"月度监测表：累计值、增速、排名、完成率、序时进度与信号灯", "monthly monitoring table: cumulative values, growth, ranks, completion, elapsed time and lights"}, runMonitor},
	{"explain", [2]string{"解释单位得分与排名的变化、优势短板和进位差距", "explain a unit's score and rank change, strengths, and gaps to the top"}, runExplain},
	{"analyse", [2]string{"分析工具：描述统计、相关、克朗巴哈系数、主成分、数据可得性", "analysis: statistics, correlations, Cronbach's alpha, PCA, data availability"}, runAnalyse},
	{"invest", [2]string{"招商引资台账指标：invest metrics（签约、到位资金、履约）", "investment attraction: invest metrics (signed, funds in place, performance)"}, runInvest},
	{"import", [2]string{"导入数据表（宽表数据、事件、目标值）为一次修订", "import a table (figures, events or targets) as one revision"}, runImport},
	{"serve", [2]string{"启动服务器（JSON API、登录）", "run the server (JSON API, login)"}, runServe},
	{"migrate", [2]string{"升级数据库结构", "apply the database migrations"}, runMigrate},
	{"user", [2]string{"账号管理：add、passwd、role、totp、list", "accounts: add, passwd, role, totp, list"}, runUser},
	{"audit", [2]string{"审计日志：verify 校验哈希链", "audit log: verify its hash chain"}, runAudit},
	{"backup", [2]string{"备份数据库到文件（服务器运行时亦可）", "back the database up to a file (also while the server runs)"}, runBackup},
	{"restore", [2]string{"从备份文件恢复到空数据库", "restore a backup into an empty database"}, runRestore},
	{"zones", [2]string{"开发区：动态管理（manage）、名录导入（import）、亩均效益分类（grade）、土地利用（land）、产值目标与分档（targets）", "development zones: management (manage), registry import (import), 亩均 grading (grade), land use (land), output targets and tiers (targets)"}, runZones},
	{"sm3sum", [2]string{"计算或校验文件的 SM3（国密）摘要", "SM3 digests of files, or check a list of them"}, runSM3Sum},
	{"config", [2]string{"显示生效的配置（config dump，隐去密钥）", "show the effective configuration (config dump, secrets masked)"}, runConfig},
	{"version", [2]string{"显示版本", "print the version"}, runVersion},
}

// Version is set at build time with -ldflags "-X .../cli.Version=…".
var Version = "dev"

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // a failure that is not the user's input
	exitUsage = 2 // bad arguments or bad input; nothing was written
)

// Run runs the program with args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	e.lang = locale.Detect(langFlag(args), e.getenv)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		e.usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return e.report(c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintln(stderr, e.t("未知命令 %q", "unknown command %q", args[0]))
	e.usage(stderr)
	return exitUsage
}

// langFlag finds --lang anywhere in args, so that even argument errors are
// reported in the requested language.
func langFlag(args []string) string {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if v, ok := strings.CutPrefix(a, "lang="); ok {
			return v
		}
		if a == "lang" && i+1 < len(args) && strings.HasPrefix(args[i], "-") {
			return args[i+1]
		}
	}
	return ""
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, e.t("qiangxian（强县）——县域经济发展综合评价", "qiangxian — county economy evaluation"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("用法：qiangxian <命令> [参数]", "usage: qiangxian <command> [flags]"))
	fmt.Fprintln(w)
	for _, c := range commands {
		s := c.summary[0]
		if e.lang == locale.EN {
			s = c.summary[1]
		}
		fmt.Fprintf(w, "  %-10s %s\n", c.name, s)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("“qiangxian <命令> -h” 显示该命令的参数。加 --lang en 显示英文。", "'qiangxian <command> -h' shows its flags. --lang zh switches to Chinese."))
}

// t picks the Chinese or English format and formats it.
func (e *env) t(zh, en string, args ...any) string {
	if e.lang == locale.EN {
		return fmt.Sprintf(en, args...)
	}
	return fmt.Sprintf(zh, args...)
}

// usageError is a problem with the arguments themselves.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func (e *env) usageErr(zh, en string, args ...any) error {
	return &usageError{e.t(zh, en, args...)}
}

// localized is an error that can render itself in a language.
type localized interface{ Message(lang string) string }

// report prints err the way the user should see it and returns the exit
// status: located input errors one per line, in the user's language.
func (e *env) report(err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var tes table.Errors
	var te *table.Error
	var le localized
	var pe *fs.PathError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintln(e.stderr, "qiangxian:", ue.msg)
		return exitUsage
	case errors.As(err, &tes):
		for _, x := range tes {
			fmt.Fprintln(e.stderr, x.Format(e.lang))
		}
		return exitUsage
	case errors.As(err, &te):
		fmt.Fprintln(e.stderr, te.Format(e.lang))
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintln(e.stderr, e.t("%s: 无法读取或写入文件：%v", "%s: cannot read or write the file: %v", pe.Path, pe.Err))
		return exitUsage
	case errors.As(err, &le):
		fmt.Fprintln(e.stderr, "qiangxian:", le.Message(string(e.lang)))
		return exitUsage
	}
	fmt.Fprintln(e.stderr, "qiangxian:", err)
	return exitError
}

// newFlags returns a flag set that prints its usage to e.stderr and knows
// --lang (already applied by Run).
func (e *env) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.String("lang", "", e.t("界面语言：zh 或 en", "language: zh or en"))
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func (e *env) parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	return nil
}

// writeFileAtomic writes path through a temporary file in the same folder
// and renames it into place, so that a failure leaves nothing behind.
func writeFileAtomic(path string, write func(w io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fmt.Fprintln(e.stdout, "qiangxian", Version)
	return nil
}

// openTable reads a CSV table from a path within the limits of the
// analysis commands (table.CommandLimits).
func openTable(path string) (*table.Table, error) {
	return openTableWith(path, table.CommandLimits())
}

// openTableWith reads a CSV table from a path within lim.
func openTableWith(path string, lim table.Limits) (*table.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return table.ReadWith(path, f, lim)
}

// limits returns the [limits] of the configuration that serve would use
// (the file named by QIANGXIAN_CONFIG and the environment), so that a
// command-line import is bounded as an upload is.
func (e *env) limits() (config.Limits, error) {
	cfg, err := config.Load("", e.getenv, nil)
	if err != nil {
		return cfg.Limits, &usageError{err.Error()}
	}
	return cfg.Limits, nil
}
