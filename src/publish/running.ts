/** Whether a process of this pid is running: a build's leftovers (staging, render and copy folders) are removed only once it is not. */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
