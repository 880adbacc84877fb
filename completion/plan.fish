# fish completion for plan(1); installed as
# /usr/share/fish/vendor_completions.d/plan.fish. Every candidate comes from
# the program itself (`plan complete`, hidden from --help), so a new command
# or option completes without a change here, and indicator ids and units are
# read from the plan in the working directory.
function __plan_complete
    set -l words (commandline -opc)
    set -l prog $words[1]
    set -e words[1]
    set -l cur (commandline -ct)
    set -l out ($prog complete -- $words "$cur" 2>/dev/null)
    switch "$out"
        case :file
            __fish_complete_path "$cur"
        case :dir
            __fish_complete_directories "$cur"
        case '*'
            printf '%s\n' $out
    end
end
complete -c plan -f -a '(__plan_complete)'
