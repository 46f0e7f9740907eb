# bash completion for lerbrief(1). Installed as
# share/bash-completion/completions/lerbrief; or source it by hand.
#
# Options come from `lerbrief --help`, stakeholder ids and layout names from
# `lerbrief --list` (with the --data of the command line being completed), so
# they follow the binary being run: an installed one or ./build/…/lerbrief.

# Prints the ids listed under the heading "$2 (N):" in `--list` output on stdin.
_lerbrief_section() {
    local line in=0
    while IFS= read -r line; do
        if [[ $line == "$1 ("*"):" ]]; then in=1; continue; fi
        [[ $line != "  "* ]] && in=0
        if ((in)); then
            line=${line#  }
            printf '%s\n' "${line%% *}"
        fi
    done
}

_lerbrief() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local prog=${COMP_WORDS[0]} data=() i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == --data && $((i + 1)) -lt COMP_CWORD ]]; then
            data=(--data "${COMP_WORDS[i+1]}")
        fi
    done
    local IFS=$'\n'
    COMPREPLY=()
    case $prev in
        --stakeholder)
            COMPREPLY=($(compgen -W "$("$prog" --list "${data[@]}" 2>/dev/null |
                _lerbrief_section "stakeholder groups")" -- "$cur"))
            return ;;
        --layout)
            COMPREPLY=($(compgen -W "$("$prog" --list "${data[@]}" 2>/dev/null |
                _lerbrief_section layouts)" -- "$cur"))
            COMPREPLY+=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        --data)
            COMPREPLY=($(compgen -W $'bundled\nstarter' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        --init)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --diagram | --output | --event-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --size)
            COMPREPLY=($(compgen -W $'slide\nsquare\nletter\na4' -- "$cur"))
            return ;;
        --imposition)
            COMPREPLY=($(compgen -W $'booklet\nnone' -- "$cur"))
            return ;;
        --bleed | --creep)
            COMPREPLY=($(compgen -W $'3mm\n0.125in' -- "$cur"))
            return ;;
        --dpi | --event | --date | --place | --base-url | --language | --attendees | --tables)
            return ;;
    esac
    if [[ $cur == -* || -z $cur ]]; then
        COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' |
            sed 's/^[ ,]*//' | sort -u)" -- "$cur"))
    fi
}

complete -o filenames -F _lerbrief lerbrief
