/**
 * A request shaped like a coding agent's first turn: a long system prompt, ~20 tools with JSON
 * schemas, and a short conversation with a tool round trip. Text written for this test.
 */

const systemParagraphs = [
  'You are an interactive command-line assistant that helps engineers with software tasks. Use the instructions below and the tools available to you to help the user.',
  'Be concise, direct and to the point. When you run a non-trivial command, explain what it does and why. Answer in fewer than four lines unless the user asks for detail. Avoid introductions, conclusions and summaries of what you just did.',
  'Follow the conventions of the code base you are working in. Before using a library, check that the project already depends on it: look at neighbouring files, the package manifest and the imports. When you create a new component, look at existing components first and mirror their framework choice, naming, typing and structure.',
  'Never introduce code that exposes or logs secrets and keys. Never commit secrets to the repository. Do not add comments to the code you write unless the user asks for them or the code is genuinely complex.',
  'Use the todo tool to plan and track tasks whenever the work has more than two steps. Mark each task as completed as soon as it is done; do not batch several tasks before marking them. Only one task may be in progress at a time.',
  'When you are asked to make a change: first search the code base to understand it, then implement the change with the tools available, then verify it with the project\'s tests, and finally run the lint and type-check commands if you know them. Never assume a particular test framework; read the README or search the code base to find the right command.',
  'Never commit changes unless the user explicitly asks you to. When you reference a specific function or piece of code, include the pattern file_path:line_number so the user can navigate to it.',
  'You can call several tools in one response. When several independent pieces of information are needed, batch the tool calls together for best performance. When making several bash calls, send one message with several tool calls so they run in parallel.',
  'Environment: working directory is the repository root; the repository is a git repository; the platform is linux; today\'s date is in the environment block. The model you are running as is named in the environment block.',
  'Git status at the start of the conversation: current branch main; the working tree has uncommitted changes in src/server/app.ts and src/formats/openai/render-openai-stream.ts; recent commits: "Gateway request path: model mapping, failover before the first byte", "Usage: request_logs and usage_rollups tables", "Project skeleton: config, canonical model, typed errors, storage, health".',
];

const stringProperty = (description: string) => ({ type: 'string', description });
const numberProperty = (description: string) => ({ type: 'number', description });
const booleanProperty = (description: string) => ({ type: 'boolean', description });
const objectSchema = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  $schema: 'http://json-schema.org/draft-07/schema#',
});

const tools = [
  {
    name: 'Task',
    description:
      'Launch a new agent to handle a complex, multi-step task on its own. Each agent type has specific capabilities and tools. Use it for open-ended searches that may need several rounds of globbing and grepping. Do not use it to read a specific file path; use the Read tool instead. Launch several agents at once when the tasks are independent. The agent returns a single message when it finishes; its result is not visible to the user, so summarise it.',
    input_schema: objectSchema(
      {
        description: stringProperty('A short (3-5 word) description of the task'),
        prompt: stringProperty('The task for the agent to perform'),
        subagent_type: stringProperty('The type of specialised agent to use for this task'),
      },
      ['description', 'prompt', 'subagent_type'],
    ),
  },
  {
    name: 'Bash',
    description:
      'Executes a bash command in a persistent shell session with an optional timeout, with proper handling and security measures. Before running a command that creates files or directories, verify the parent directory exists with LS. Always quote file paths that contain spaces. The output is truncated after 30000 characters. Avoid find, grep, cat, head and tail: use the Glob, Grep and Read tools instead. Separate several commands with ; or &&, never with newlines. Keep the working directory stable by using absolute paths rather than cd.',
    input_schema: objectSchema(
      {
        command: stringProperty('The command to execute'),
        timeout: numberProperty('Optional timeout in milliseconds (max 600000)'),
        description: stringProperty('Clear, concise description of what this command does in 5-10 words'),
        run_in_background: booleanProperty('Set to true to run this command in the background'),
      },
      ['command'],
    ),
  },
  {
    name: 'Glob',
    description:
      'Fast file pattern matching that works with any code base size. Supports glob patterns like "**/*.js" or "src/**/*.ts". Returns matching file paths sorted by modification time. Use it when you need to find files by name pattern.',
    input_schema: objectSchema(
      {
        pattern: stringProperty('The glob pattern to match files against'),
        path: stringProperty('The directory to search in. Defaults to the current working directory.'),
      },
      ['pattern'],
    ),
  },
  {
    name: 'Grep',
    description:
      'A powerful search tool built on ripgrep. Supports full regular expression syntax, filtering files by glob or type, and output modes: "content" shows matching lines, "files_with_matches" shows only file paths (the default), "count" shows match counts. Use it for every search task instead of invoking grep or rg through Bash.',
    input_schema: objectSchema(
      {
        pattern: stringProperty('The regular expression pattern to search for in file contents'),
        path: stringProperty('File or directory to search in. Defaults to the current working directory.'),
        glob: stringProperty('Glob pattern to filter files (e.g. "*.js", "*.{ts,tsx}")'),
        output_mode: { type: 'string', enum: ['content', 'files_with_matches', 'count'], description: 'Output mode' },
        '-i': booleanProperty('Case insensitive search'),
        '-n': booleanProperty('Show line numbers in output'),
        '-A': numberProperty('Number of lines to show after each match'),
        '-B': numberProperty('Number of lines to show before each match'),
        multiline: booleanProperty('Enable multiline mode where . matches newlines'),
        head_limit: numberProperty('Limit output to the first N lines or entries'),
      },
      ['pattern'],
    ),
  },
  {
    name: 'LS',
    description: 'Lists files and directories in a given path. The path must be absolute. You can pass glob patterns to ignore.',
    input_schema: objectSchema(
      {
        path: stringProperty('The absolute path to the directory to list'),
        ignore: { type: 'array', items: { type: 'string' }, description: 'List of glob patterns to ignore' },
      },
      ['path'],
    ),
  },
  {
    name: 'ExitPlanMode',
    description:
      'Use this tool when you are in plan mode and have finished presenting your plan and are ready to code. It prompts the user to leave plan mode. Only use it when the task requires planning the implementation steps of a task that needs writing code.',
    input_schema: objectSchema({ plan: stringProperty('The plan you came up with, in markdown, to run by the user for approval') }, ['plan']),
  },
  {
    name: 'Read',
    description:
      'Reads a file from the local filesystem. The file_path parameter must be an absolute path. By default it reads up to 2000 lines from the beginning of the file; you can give a line offset and limit for long files. Lines longer than 2000 characters are truncated. Results use cat -n format with line numbers starting at 1. This tool can read images, PDFs and Jupyter notebooks.',
    input_schema: objectSchema(
      {
        file_path: stringProperty('The absolute path to the file to read'),
        offset: numberProperty('The line number to start reading from'),
        limit: numberProperty('The number of lines to read'),
      },
      ['file_path'],
    ),
  },
  {
    name: 'Edit',
    description:
      'Performs exact string replacements in files. You must use the Read tool at least once before editing. Preserve the exact indentation as it appears after the line number prefix. The edit fails if old_string is not unique in the file; give more surrounding context or use replace_all to change every instance.',
    input_schema: objectSchema(
      {
        file_path: stringProperty('The absolute path to the file to modify'),
        old_string: stringProperty('The text to replace'),
        new_string: stringProperty('The text to replace it with (must be different from old_string)'),
        replace_all: booleanProperty('Replace all occurrences of old_string (default false)'),
      },
      ['file_path', 'old_string', 'new_string'],
    ),
  },
  {
    name: 'MultiEdit',
    description:
      'Makes several edits to a single file in one operation, built on the Edit tool. All edits are applied in sequence, each to the result of the previous one, and either all succeed or none are applied. Prefer it over Edit when you need several changes to the same file.',
    input_schema: objectSchema(
      {
        file_path: stringProperty('The absolute path to the file to modify'),
        edits: {
          type: 'array',
          minItems: 1,
          description: 'Array of edit operations to perform sequentially on the file',
          items: objectSchema(
            {
              old_string: stringProperty('The text to replace'),
              new_string: stringProperty('The text to replace it with'),
              replace_all: booleanProperty('Replace all occurrences of old_string (default false)'),
            },
            ['old_string', 'new_string'],
          ),
        },
      },
      ['file_path', 'edits'],
    ),
  },
  {
    name: 'Write',
    description:
      'Writes a file to the local filesystem, overwriting an existing file at that path. If the file exists you must Read it first. Prefer editing existing files; never create documentation files unless the user asks for them.',
    input_schema: objectSchema(
      {
        file_path: stringProperty('The absolute path to the file to write (must be absolute, not relative)'),
        content: stringProperty('The content to write to the file'),
      },
      ['file_path', 'content'],
    ),
  },
  {
    name: 'NotebookEdit',
    description:
      'Completely replaces the contents of a specific cell in a Jupyter notebook (.ipynb file) with new source. The notebook_path must be absolute. Use edit_mode=insert to add a new cell after the given cell id, or edit_mode=delete to remove it.',
    input_schema: objectSchema(
      {
        notebook_path: stringProperty('The absolute path to the Jupyter notebook file to edit'),
        cell_id: stringProperty('The ID of the cell to edit'),
        new_source: stringProperty('The new source for the cell'),
        cell_type: { type: 'string', enum: ['code', 'markdown'], description: 'The type of the cell' },
        edit_mode: { type: 'string', enum: ['replace', 'insert', 'delete'], description: 'The type of edit to make' },
      },
      ['notebook_path', 'new_source'],
    ),
  },
  {
    name: 'WebFetch',
    description:
      'Fetches content from a URL and processes it with a small fast model using the given prompt. Converts HTML to markdown. Use it when you need to retrieve and analyse web content. HTTP URLs are upgraded to HTTPS. Includes a self-cleaning 15-minute cache. When a URL redirects to a different host, the tool tells you and you should make a new request with the redirect URL.',
    input_schema: objectSchema(
      { url: { type: 'string', format: 'uri', description: 'The URL to fetch content from' }, prompt: stringProperty('The prompt to run on the fetched content') },
      ['url', 'prompt'],
    ),
  },
  {
    name: 'TodoWrite',
    description:
      'Create and manage a structured task list for your current coding session. It helps you track progress, organise complex tasks and show thoroughness to the user. Use it for complex multi-step tasks, when the user gives several tasks, and after receiving new instructions. Do not use it for a single trivial task.',
    input_schema: objectSchema(
      {
        todos: {
          type: 'array',
          description: 'The updated todo list',
          items: objectSchema(
            {
              content: { type: 'string', minLength: 1 },
              status: { type: 'string', enum: ['pending', 'in_progress', 'completed'] },
              activeForm: { type: 'string', minLength: 1 },
            },
            ['content', 'status', 'activeForm'],
          ),
        },
      },
      ['todos'],
    ),
  },
  {
    name: 'WebSearch',
    description:
      'Searches the web and uses the results to inform responses. Provides up-to-date information for current events and recent data beyond the training cutoff. Domain filtering is supported to include or block specific websites.',
    input_schema: objectSchema(
      {
        query: { type: 'string', minLength: 2, description: 'The search query to use' },
        allowed_domains: { type: 'array', items: { type: 'string' }, description: 'Only include results from these domains' },
        blocked_domains: { type: 'array', items: { type: 'string' }, description: 'Never include results from these domains' },
      },
      ['query'],
    ),
  },
  {
    name: 'BashOutput',
    description: 'Retrieves output from a running or completed background bash shell. Returns only new output since the last check, with the shell status.',
    input_schema: objectSchema(
      { bash_id: stringProperty('The ID of the background shell'), filter: stringProperty('Optional regular expression to filter output lines') },
      ['bash_id'],
    ),
  },
  {
    name: 'KillShell',
    description: 'Kills a running background bash shell by its ID. Returns a success or failure status.',
    input_schema: objectSchema({ shell_id: stringProperty('The ID of the background shell to kill') }, ['shell_id']),
  },
  {
    name: 'SlashCommand',
    description: 'Execute a custom slash command within the main conversation. Only available commands listed in the environment may be used.',
    input_schema: objectSchema({ command: stringProperty('The slash command to execute with its arguments, e.g. "/review-pr 123"') }, ['command']),
  },
  {
    name: 'AskUserQuestion',
    description: 'Ask the user one to four multiple-choice questions when you need a decision before continuing. Each question offers two to four options.',
    input_schema: objectSchema(
      {
        questions: {
          type: 'array',
          minItems: 1,
          maxItems: 4,
          items: objectSchema(
            {
              question: stringProperty('The complete question to ask the user'),
              header: stringProperty('Very short label displayed as a chip'),
              options: { type: 'array', items: objectSchema({ label: { type: 'string' }, description: { type: 'string' } }, ['label', 'description']) },
              multiSelect: booleanProperty('Allow several options to be selected'),
            },
            ['question', 'header', 'options', 'multiSelect'],
          ),
        },
      },
      ['questions'],
    ),
  },
  {
    name: 'ListMcpResources',
    description: 'Lists resources available from configured MCP servers. Each resource carries a server field naming the server it comes from.',
    input_schema: objectSchema({ server: stringProperty('Optional server name to filter resources by') }, []),
  },
  {
    name: 'ReadMcpResource',
    description: 'Reads a specific resource from an MCP server, identified by server name and resource URI.',
    input_schema: objectSchema({ server: stringProperty('The MCP server name'), uri: stringProperty('The resource URI to read') }, ['server', 'uri']),
  },
];

export const claudeCodeLikeRequest = {
  model: 'claude-sonnet-4-5',
  max_tokens: 32000,
  stream: true,
  system: [
    { type: 'text', text: 'You are a command-line coding assistant.' },
    { type: 'text', text: systemParagraphs.join('\n\n'), cache_control: { type: 'ephemeral' } },
  ],
  tools,
  metadata: { user_id: 'user_0123_account__session_4567' },
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: '<system-reminder>\nAs you answer, use the context below when relevant.\n# project-notes\nRun tests with npx vitest run <path>.\n</system-reminder>' },
        { type: 'text', text: 'The OpenAI stream renderer sends the wrong tool index after a text block. Find and fix it.' },
      ],
    },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: "I'll look for the renderer first." },
        { type: 'tool_use', id: 'toolu_01', name: 'Grep', input: { pattern: 'tool_calls', path: 'src/formats', output_mode: 'files_with_matches' } },
      ],
    },
    {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: 'src/formats/openai/render-openai-stream.ts\nsrc/formats/openai/render-openai-response.ts' }],
    },
  ],
};
